using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;

namespace IncidentPortal.Features.Notifications;

/// <summary>
/// Announces notifications written by <see cref="IncidentNotificationHook"/> once their change is committed. A hook runs
/// before the save, so it cannot announce; the incident service publishes <see cref="IncidentEvent"/> after the commit,
/// and that event (same incident, same version) releases what the hook held. Batches whose save never happened (a
/// concurrency clash, a rule failure) are never announced: they are released only by their own context's saved-changes
/// signal, and dropped after a minute.
/// </summary>
public sealed class NotificationAnnouncer(IEventBus events, Notifier notifier, TimeProvider clock, ILogger<NotificationAnnouncer> logger)
    : IHostedService
{
    private sealed class Held(int incidentId, int version, IReadOnlyList<NotificationBatch> batches, DateTimeOffset since)
    {
        public int IncidentId => incidentId;
        public int Version => version;
        public IReadOnlyList<NotificationBatch> Batches => batches;
        public DateTimeOffset Since => since;
        public volatile bool Saved;
    }

    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);
    private readonly object gate = new();
    private readonly List<Held> held = [];
    private IDisposable? subscription;

    internal void HoldUntilCommitted(AppDbContext db, int incidentId, int version, IReadOnlyList<NotificationBatch> batches)
    {
        var now = clock.GetUtcNow();
        var entry = new Held(incidentId, version, batches, now);
        db.SavedChanges += (_, _) => entry.Saved = true;
        lock (gate)
        {
            held.RemoveAll(h => now - h.Since > Expiry);
            held.Add(entry);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = events.Subscribe<IncidentEvent>(ReleaseAsync);
        return Task.CompletedTask;
    }

    private async Task ReleaseAsync(IncidentEvent change)
    {
        List<Held> due;
        lock (gate)
        {
            due = held.Where(h => h.IncidentId == change.IncidentId && h.Version == change.Version && h.Saved).ToList();
            if (due.Count == 0) return;
            held.RemoveAll(due.Contains);
        }
        foreach (var batch in due.SelectMany(h => h.Batches))
        {
            try { await notifier.AnnounceAsync(batch); }
            catch (Exception ex) { logger.LogWarning(ex, "Could not announce notifications for incident {Id}.", change.IncidentId); }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }
}
