using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.Watchers;

/// <summary>
/// Someone who follows an incident and hears about it: an agent who follows it, or a colleague its reporter added
/// (who then sees its public parts only). Once per person per incident.
/// </summary>
public class IncidentWatcher
{
    public int IncidentId { get; private set; }
    public string UserId { get; private set; } = "";
    /// <summary>Who added them: themselves when they follow, else the reporter or agent who did.</summary>
    public string AddedById { get; private set; } = "";
    public DateTime AddedAt { get; private set; }

    private IncidentWatcher() { }

    public static IncidentWatcher Add(int incidentId, string userId, string addedById, DateTime at) =>
        new() { IncidentId = incidentId, UserId = userId, AddedById = addedById, AddedAt = at };
}

internal sealed class IncidentWatcherConfiguration : IEntityTypeConfiguration<IncidentWatcher>
{
    public void Configure(EntityTypeBuilder<IncidentWatcher> watcher)
    {
        watcher.ToTable("IncidentWatchers");
        watcher.HasKey(w => new { w.IncidentId, w.UserId });
        watcher.Property(w => w.UserId).HasMaxLength(450);
        watcher.Property(w => w.AddedById).HasMaxLength(450).IsRequired();
        watcher.HasOne<Incident>().WithMany().HasForeignKey(w => w.IncidentId).OnDelete(DeleteBehavior.Cascade);
        watcher.HasOne<ApplicationUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
        // "Incidents I watch", and the reverse lookup when a user is deleted.
        watcher.HasIndex(w => w.UserId);
    }
}
