using System.Collections.Concurrent;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure.Events;

namespace IncidentPortal.Features.Routing;

/// <summary>
/// Hooks run before the commit, but pages may only hear of a notification once it is stored. The auto-assign hook
/// holds its batch here; when the incident's own created/updated event arrives (published after the commit), the
/// batch is announced. A batch whose change rolled back is never announced and is dropped after a minute.
/// </summary>
internal sealed class AssignmentAnnouncements(IEventBus events, Notifier notifier, TimeProvider clock) : IHostedService
{
    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<int, (NotificationBatch Batch, DateTimeOffset HeldAt)> held = new();
    private readonly List<IDisposable> subscriptions = [];

    public void Hold(int incidentId, NotificationBatch batch) => held[incidentId] = (batch, clock.GetUtcNow());

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscriptions.Add(events.Subscribe<IncidentCreated>(e => ReleaseAsync(e.IncidentId)));
        subscriptions.Add(events.Subscribe<IncidentUpdated>(e => ReleaseAsync(e.IncidentId)));
        return Task.CompletedTask;
    }

    private async Task ReleaseAsync(int incidentId)
    {
        var now = clock.GetUtcNow();
        foreach (var stale in held.Where(h => now - h.Value.HeldAt > Expiry).Select(h => h.Key).ToList()) held.TryRemove(stale, out _);
        if (held.TryRemove(incidentId, out var entry)) await notifier.AnnounceAsync(entry.Batch);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in subscriptions) subscription.Dispose();
        return Task.CompletedTask;
    }
}
