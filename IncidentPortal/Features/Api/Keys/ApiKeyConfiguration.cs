using IncidentPortal.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.Api.Keys;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.ToTable("ApiKeys");
        key.Property(k => k.UserId).IsRequired();
        key.Property(k => k.Name).HasMaxLength(ApiKey.MaxNameLength).IsRequired();
        key.Property(k => k.Scope).HasConversion<string>().HasMaxLength(20);
        key.Property(k => k.DisplayPrefix).HasMaxLength(ApiKey.DisplayPrefixLength).IsRequired();
        key.Property(k => k.Hash).HasMaxLength(64).IsRequired();
        key.HasIndex(k => k.Hash).IsUnique();
        key.HasIndex(k => k.UserId);
        // Deleting a user (personal data) removes their keys with them.
        key.HasOne<ApplicationUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
