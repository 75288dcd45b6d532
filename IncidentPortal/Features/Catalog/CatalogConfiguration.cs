using IncidentPortal.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.Catalog;

internal sealed class BusinessServiceConfiguration : IEntityTypeConfiguration<BusinessService>
{
    public void Configure(EntityTypeBuilder<BusinessService> service)
    {
        service.ToTable("Services");
        service.Property(s => s.Name).HasMaxLength(100).IsRequired();
        service.Property(s => s.Description).HasMaxLength(500).IsRequired();
        service.HasIndex(s => s.Name).IsUnique();
        service.HasOne<Team>().WithMany().HasForeignKey(s => s.SupportTeamId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.ToTable("Categories");
        category.Property(c => c.Name).HasMaxLength(100).IsRequired();
        category.HasIndex(c => new { c.ParentId, c.Name }).IsUnique();
        category.HasOne(c => c.Parent).WithMany(c => c.Children).HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        category.Ignore(c => c.FullName);
    }
}
