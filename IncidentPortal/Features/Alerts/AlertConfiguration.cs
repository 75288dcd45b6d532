using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.Alerts;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    /// <summary>At most one open alert per integration and key; the database enforces it too.</summary>
    public const string OpenFilter = "\"Status\" <> 'Resolved'";

    public void Configure(EntityTypeBuilder<Alert> alert)
    {
        alert.ToTable("Alerts");
        alert.Ignore(a => a.IsOpen);
        alert.Property(a => a.DedupKey).HasMaxLength(Alert.MaxKeyLength).IsRequired();
        alert.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        alert.Property(a => a.Severity).HasConversion<string>().HasMaxLength(20);
        alert.Property(a => a.Summary).HasMaxLength(Alert.MaxSummaryLength).IsRequired();
        alert.Property(a => a.Source).HasMaxLength(Alert.MaxNameLength);
        alert.Property(a => a.Component).HasMaxLength(Alert.MaxNameLength);
        alert.Property(a => a.Service).HasMaxLength(Alert.MaxNameLength);
        alert.Property(a => a.Link).HasMaxLength(Alert.MaxLinkLength);
        alert.Property(a => a.LabelsJson).IsRequired();
        alert.Property(a => a.DetailsJson).IsRequired();
        alert.HasOne<Integrations.AlertIntegration>().WithMany().HasForeignKey(a => a.IntegrationId).OnDelete(DeleteBehavior.Restrict);
        alert.HasOne(a => a.Incident).WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Cascade);
        alert.HasMany(a => a.Occurrences).WithOne().HasForeignKey(o => o.AlertId).OnDelete(DeleteBehavior.Cascade);
        // Dedup: the open alert for a key (unique), and the last resolved ones for late replays.
        alert.HasIndex(a => new { a.IntegrationId, a.DedupKey }).IsUnique().HasFilter(OpenFilter).HasDatabaseName("IX_Alerts_Open_IntegrationId_DedupKey");
        alert.HasIndex(a => new { a.IntegrationId, a.DedupKey, a.StartsAt });
        // Correlation: recent alerts of a service.
        alert.HasIndex(a => new { a.IntegrationId, a.Service, a.FirstSeenAt });
        // The incident's alerts tab; the alerts list (by status, newest activity first).
        alert.HasIndex(a => a.IncidentId);
        alert.HasIndex(a => new { a.Status, a.LastSeenAt });
    }
}

internal sealed class AlertOccurrenceConfiguration : IEntityTypeConfiguration<AlertOccurrence>
{
    public void Configure(EntityTypeBuilder<AlertOccurrence> occurrence)
    {
        occurrence.ToTable("AlertOccurrences");
        occurrence.Property(o => o.Action).HasConversion<string>().HasMaxLength(20);
        occurrence.Property(o => o.Severity).HasConversion<string>().HasMaxLength(20);
        occurrence.Property(o => o.Summary).HasMaxLength(Alert.MaxSummaryLength).IsRequired();
        occurrence.HasIndex(o => new { o.AlertId, o.Sequence }).IsUnique();
    }
}
