using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.Integrations;

internal sealed class AlertIntegrationConfiguration : IEntityTypeConfiguration<AlertIntegration>
{
    public void Configure(EntityTypeBuilder<AlertIntegration> integration)
    {
        integration.ToTable("AlertIntegrations");
        integration.Property(i => i.Name).HasMaxLength(AlertIntegration.MaxNameLength).IsRequired();
        integration.HasIndex(i => i.Name).IsUnique();
        integration.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        integration.Property(i => i.CriticalPriority).HasConversion<string>().HasMaxLength(2);
        integration.Property(i => i.ErrorPriority).HasConversion<string>().HasMaxLength(2);
        integration.Property(i => i.WarningPriority).HasConversion<string>().HasMaxLength(2);
        integration.Property(i => i.InfoPriority).HasConversion<string>().HasMaxLength(2);
        integration.Property(i => i.OnRecovery).HasConversion<string>().HasMaxLength(20);
        integration.Property(i => i.KeyHash).HasMaxLength(64).IsRequired();
        integration.HasIndex(i => i.KeyHash).IsUnique();
        integration.Property(i => i.KeyPrefix).HasMaxLength(20).IsRequired();
        integration.HasOne<Teams.Team>().WithMany().HasForeignKey(i => i.TeamId).OnDelete(DeleteBehavior.Restrict);
        integration.HasOne<Catalog.BusinessService>().WithMany().HasForeignKey(i => i.ServiceId).OnDelete(DeleteBehavior.SetNull);
        integration.HasOne<Catalog.Category>().WithMany().HasForeignKey(i => i.CategoryId).OnDelete(DeleteBehavior.SetNull);
    }
}
