using System.Collections.Concurrent;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.StatusPage;

/// <summary>
/// Keeps the public incident in step with the incident, in the incident change's own unit of work: when the incident
/// is resolved, closed or cancelled its open public incident gets a Resolved update and its components return to
/// operational; when the incident is reopened the public incident is reopened on the components it last affected.
/// </summary>
public sealed class StatusLifecycleHook : IIncidentSaveHook, IDisposable
{
    public const string ResolvedMessage = "This incident has been resolved.";
    public const string ReopenedMessage = "The issue has come back; we are investigating.";
    public const string TimelineTopic = "Status page";

    private readonly IStatusNoticeHook[] noticeHooks;
    private readonly TimeProvider clock;
    private readonly IEventBus events;
    private readonly ConcurrentDictionary<int, byte> changedIncidents = new();
    private readonly IDisposable subscription;

    public StatusLifecycleHook(IEnumerable<IStatusNoticeHook> noticeHooks, IEventBus events, TimeProvider clock)
    {
        (this.noticeHooks, this.events, this.clock) = (noticeHooks.ToArray(), events, clock);
        // The page may only be told after the incident change commits; IncidentUpdated is published after commit.
        subscription = events.Subscribe<IncidentUpdated>(AnnounceAsync);
    }

    public async Task BeforeSaveAsync(IncidentSaveContext context, CancellationToken ct)
    {
        if (context.IsNew) return;
        var move = context.Recorded.LastOrDefault(a => a.Kind == ActivityKind.StatusChanged);
        if (move is null || !Enum.TryParse<IncidentStatus>(move.OldValue, out var from)) return;
        var closing = IncidentLifecycle.IsOpen(from) && !context.Incident.IsOpen;
        var reopening = !IncidentLifecycle.IsOpen(from) && context.Incident.IsOpen;
        if (!closing && !reopening) return;
        if (!await context.Db.PublicIncidents.AnyAsync(p => p.IncidentId == context.Incident.Id, ct)) return;

        var board = await StatusBoard.LoadAsync(context.Db, ct);
        var publicIncident = (await board.FindIncidentAsync(context.Incident.Id, ct))!;
        var by = new ChangeContext(context.ActorId, context.Now, ActorIsAgent: true);
        if (closing && publicIncident.IsOpen)
        {
            var affected = publicIncident.Impacts.Select(i => i.ComponentId).Order().ToList();
            publicIncident.Publish(IncidentPhase.Resolved, publicIncident.Title, ResolvedMessage, new Dictionary<int, ComponentStatus>(), context.ActorId, context.Now);
            board.Recompute(context.Now);
            await NoticeAsync(context, publicIncident, affected, ct);
            context.Incident.RecordEvent(by, TimelineTopic, "Public incident resolved; its components are operational again.");
        }
        else if (reopening && !publicIncident.IsOpen)
        {
            var impacts = LastImpacts(publicIncident, board);
            publicIncident.Reopen(context.Now);
            publicIncident.Publish(IncidentPhase.Investigating, publicIncident.Title, ReopenedMessage, impacts, context.ActorId, context.Now);
            board.Recompute(context.Now);
            await NoticeAsync(context, publicIncident, impacts.Keys.Order().ToList(), ct);
            context.Incident.RecordEvent(by, TimelineTopic, "Public incident reopened on the components it last affected.");
        }
        else return;
        changedIncidents[context.Incident.Id] = 0;
    }

    /// <summary>What the last update before resolution said was affected (components since deleted are left out).</summary>
    private static Dictionary<int, ComponentStatus> LastImpacts(PublicIncident publicIncident, StatusBoard board)
    {
        var last = publicIncident.Updates.Where(u => u.Phase != IncidentPhase.Resolved).OrderBy(u => u.PublishedAt).ThenBy(u => u.Id).LastOrDefault();
        var impacts = new Dictionary<int, ComponentStatus>();
        foreach (var pair in (last?.AffectedComponents ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split(':');
            if (parts.Length == 2 && int.TryParse(parts[0], out var id) && Enum.TryParse<ComponentStatus>(parts[1], out var status)
                && board.Components.Any(c => c.Id == id) && status > ComponentStatus.UnderMaintenance)
                impacts[id] = status;
        }
        return impacts;
    }

    private async Task NoticeAsync(IncidentSaveContext context, PublicIncident publicIncident, IReadOnlyList<int> components, CancellationToken ct)
    {
        var update = publicIncident.Updates[^1];
        var notice = new StatusNotice(StatusNoticeKind.IncidentUpdate, publicIncident.Title, update.Message, update.Phase, components,
            publicIncident.Id, null, context.Now);
        foreach (var hook in noticeHooks) await hook.BeforeSaveAsync(context.Db, notice, ct);
    }

    private async Task AnnounceAsync(IncidentUpdated updated)
    {
        if (changedIncidents.TryRemove(updated.IncidentId, out _)) await events.PublishAsync(new StatusPageChanged(clock.GetUtcNow().UtcDateTime));
    }

    public void Dispose() => subscription.Dispose();
}
