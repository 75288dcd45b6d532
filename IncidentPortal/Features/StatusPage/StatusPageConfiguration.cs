using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Catalog;
using IncidentPortal.Features.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.StatusPage;

internal static class StatusPageConfiguration
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<StatusComponent>(c =>
        {
            c.ToTable("StatusComponents");
            c.Property(x => x.Name).HasMaxLength(StatusComponent.MaxNameLength).IsRequired();
            c.Property(x => x.Description).HasMaxLength(StatusComponent.MaxDescriptionLength);
            c.Property(x => x.GroupName).HasMaxLength(StatusComponent.MaxNameLength);
            c.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.OverrideStatus).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.OverrideReason).HasMaxLength(StatusComponent.MaxReasonLength);
            c.Property(x => x.Version).IsConcurrencyToken();
            c.HasOne<BusinessService>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.SetNull);
            c.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.OverrideById).OnDelete(DeleteBehavior.SetNull);
            c.HasIndex(x => x.ServiceId).IsUnique();
            c.HasIndex(x => x.Name).IsUnique();
        });
        builder.Entity<PublicIncident>(p =>
        {
            p.ToTable("PublicIncidents");
            p.Property(x => x.Title).HasMaxLength(PublicIncident.MaxTitleLength).IsRequired();
            p.Property(x => x.Phase).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.Version).IsConcurrencyToken();
            p.Ignore(x => x.IsOpen);
            p.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
            p.HasIndex(x => x.IncidentId).IsUnique();
            // The page's history by month and its active list.
            p.HasIndex(x => new { x.Phase, x.CreatedAt });
            p.HasMany(x => x.Updates).WithOne().HasForeignKey(u => u.PublicIncidentId).OnDelete(DeleteBehavior.Cascade);
            p.HasMany(x => x.Impacts).WithOne().HasForeignKey(i => i.PublicIncidentId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PublicIncidentUpdate>(u =>
        {
            u.ToTable("PublicIncidentUpdates");
            u.Property(x => x.Phase).HasConversion<string>().HasMaxLength(20);
            u.Property(x => x.Message).HasMaxLength(PublicIncident.MaxMessageLength).IsRequired();
            u.Property(x => x.AffectedComponents).HasMaxLength(2000).IsRequired();
            u.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.PublishedById).OnDelete(DeleteBehavior.SetNull);
            u.HasIndex(x => new { x.PublicIncidentId, x.PublishedAt });
            u.HasIndex(x => x.PublishedAt);
        });
        builder.Entity<PublicIncidentImpact>(i =>
        {
            i.ToTable("PublicIncidentImpacts");
            i.HasKey(x => new { x.PublicIncidentId, x.ComponentId });
            i.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            i.HasOne<StatusComponent>().WithMany().HasForeignKey(x => x.ComponentId).OnDelete(DeleteBehavior.Cascade);
            i.HasIndex(x => x.ComponentId);
        });
        builder.Entity<ScheduledMaintenance>(m =>
        {
            m.ToTable("ScheduledMaintenances");
            m.Property(x => x.Title).HasMaxLength(PublicIncident.MaxTitleLength).IsRequired();
            m.Property(x => x.Message).HasMaxLength(PublicIncident.MaxMessageLength).IsRequired();
            m.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            m.Property(x => x.Version).IsConcurrencyToken();
            m.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.SetNull);
            // The scheduler's scan: what is due to start or end.
            m.HasIndex(x => new { x.State, x.StartsAt });
            m.HasMany(x => x.Components).WithOne().HasForeignKey(c => c.MaintenanceId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<MaintenanceComponent>(c =>
        {
            c.ToTable("MaintenanceComponents");
            c.HasKey(x => new { x.MaintenanceId, x.ComponentId });
            c.HasOne<StatusComponent>().WithMany().HasForeignKey(x => x.ComponentId).OnDelete(DeleteBehavior.Cascade);
            c.HasIndex(x => x.ComponentId);
        });
        builder.Entity<ComponentStatusPeriod>(p =>
        {
            p.ToTable("ComponentStatusPeriods");
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.Cause).HasMaxLength(300);
            p.HasOne<StatusComponent>().WithMany().HasForeignKey(x => x.ComponentId).OnDelete(DeleteBehavior.Cascade);
            p.HasIndex(x => new { x.ComponentId, x.StartedAt });
        });
    }
}
