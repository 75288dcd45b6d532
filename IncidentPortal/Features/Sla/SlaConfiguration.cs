using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.Sla;

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> policy)
    {
        policy.ToTable("SlaPolicies");
        policy.Property(p => p.Name).HasMaxLength(SlaPolicy.MaxNameLength).IsRequired();
        policy.Property(p => p.PausingReasons).HasMaxLength(200).IsRequired();
        policy.Property(p => p.Version).IsConcurrencyToken();
        policy.Ignore(p => p.IsDefault);
        policy.Ignore(p => p.Pausing);
        // One policy per service; NULL (the default policy) is kept unique by SlaAdminService, as NULLs never clash in an index.
        policy.HasIndex(p => p.ServiceId).IsUnique();
        policy.HasOne<Catalog.BusinessService>().WithMany().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Cascade);
        policy.HasMany(p => p.Targets).WithOne().HasForeignKey(t => t.PolicyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SlaTargetConfiguration : IEntityTypeConfiguration<SlaTarget>
{
    public void Configure(EntityTypeBuilder<SlaTarget> target)
    {
        target.ToTable("SlaTargets");
        target.Property(t => t.Priority).HasConversion<string>().HasMaxLength(2);
        target.Ignore(t => t.Response);
        target.Ignore(t => t.Resolution);
        target.HasIndex(t => new { t.PolicyId, t.Priority }).IsUnique();
        // A calendar in use cannot be deleted; the admin page says which policies use it.
        target.HasOne(t => t.Calendar).WithMany().HasForeignKey(t => t.CalendarId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SlaClockConfiguration : IEntityTypeConfiguration<SlaClock>
{
    public void Configure(EntityTypeBuilder<SlaClock> clock)
    {
        clock.ToTable("SlaClocks");
        clock.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        clock.Property(c => c.Priority).HasConversion<string>().HasMaxLength(2);
        clock.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        clock.Property(c => c.PausedFor).HasConversion<string>().HasMaxLength(20);
        clock.Property(c => c.Version).IsConcurrencyToken();
        clock.Ignore(c => c.IsActive);
        clock.HasIndex(c => new { c.IncidentId, c.Kind }).IsUnique();
        clock.HasOne<Incidents.Incident>().WithMany().HasForeignKey(c => c.IncidentId).OnDelete(DeleteBehavior.Cascade);
        clock.HasOne<SlaPolicy>().WithMany().HasForeignKey(c => c.PolicyId).OnDelete(DeleteBehavior.SetNull);
        // The watcher's scan and the "Breaching soon" view / time-to-breach sort: both read only due rows from an index.
        clock.HasIndex(c => c.NextCheckAt);
        clock.HasIndex(c => new { c.RunningDueAt, c.IncidentId });
        clock.HasIndex(c => c.PolicyId);
        clock.HasIndex(c => new { c.StoppedAt, c.Kind });
    }
}
