using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Notifications;

/// <summary>
/// Writes the lifecycle's notifications (<see cref="IncidentNotifications"/>) in the incident change's own unit of work,
/// so they exist exactly when the change does; <see cref="NotificationAnnouncer"/> tells open pages once it is committed.
/// </summary>
internal sealed class IncidentNotificationHook(Notifier notifier, NotificationAnnouncer announcer) : IIncidentSaveHook
{
    public async Task BeforeSaveAsync(IncidentSaveContext context, CancellationToken ct)
    {
        var wanted = IncidentNotifications.For(context.Incident, context.Recorded, context.ActorId);
        if (wanted.Count == 0) return;
        var batches = new List<NotificationBatch>();
        foreach (var notification in wanted)
            batches.Add(await notifier.AddAsync(context.Db, [notification.UserId], notification.Request, ct));
        announcer.HoldUntilCommitted(context.Db, context.Incident.Id, context.Incident.Version, batches);
    }
}
