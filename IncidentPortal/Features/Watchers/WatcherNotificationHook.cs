using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Watchers;

/// <summary>
/// Tells an incident's watchers about a change, in the change's own unit of work. Nobody hears of their own action,
/// and whoever the lifecycle already tells (the assignee, the reporter) is not told twice.
/// </summary>
internal sealed class WatcherNotificationHook(Notifier notifier, NotificationAnnouncer announcer) : IIncidentSaveHook
{
    public async Task BeforeSaveAsync(IncidentSaveContext context, CancellationToken ct)
    {
        if (context.IsNew) return;
        var incident = context.Incident;
        var staff = Staff.Ids(context.Db);
        var watchers = await context.Db.IncidentWatchers.AsNoTracking().Where(w => w.IncidentId == incident.Id)
            .Select(w => new { w.UserId, IsStaff = staff.Contains(w.UserId) }).ToListAsync(ct);
        if (watchers.Count == 0) return;
        var toldAlready = IncidentNotifications.For(incident, context.Recorded, context.ActorId).Select(n => n.UserId).ToHashSet();
        var batches = new List<NotificationBatch>();
        foreach (var group in watchers.Where(w => w.UserId != context.ActorId && !toldAlready.Contains(w.UserId)).GroupBy(w => w.IsStaff))
        {
            if (WatcherNotifications.For(incident, context.Recorded, forStaff: group.Key) is not { } request) continue;
            batches.Add(await notifier.AddAsync(context.Db, [.. group.Select(w => w.UserId)], request, ct));
        }
        if (batches.Count > 0) announcer.HoldUntilCommitted(context.Db, incident.Id, incident.Version, batches);
    }
}
