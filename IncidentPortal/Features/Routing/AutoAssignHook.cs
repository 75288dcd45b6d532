using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Routing;

/// <summary>
/// When an incident lands in a team without an assignee (reported and routed there, or moved there with nobody
/// named), the team's auto-assignment picks an available member, in the same unit of work as the change. The timeline
/// says "Auto-assigned to Dana Database (round robin)" (by the system) and the assignee is notified.
/// </summary>
internal sealed class AutoAssignHook(Notifier notifier, AssignmentAnnouncements announcements) : IIncidentSaveHook
{
    public const string Topic = "Assignment";

    public async Task BeforeSaveAsync(IncidentSaveContext context, CancellationToken ct)
    {
        var incident = context.Incident;
        if (!incident.IsOpen || incident.AssigneeId is not null || incident.AssignmentGroupId is not { } teamId) return;
        if (!context.IsNew && !context.Recorded.Any(a => a.Field == "Team")) return;

        // Whether the team auto-assigns at all is read once per unit of work; the pick itself (turns) never is.
        if (!await context.Lookups.GetAsync("auto-assign", teamId, () => AutoAssigner.IsOnAsync(context.Db, teamId, ct))) return;
        var pick = await AutoAssigner.PickAsync(context.Db, teamId, context.Now, ct);
        if (pick is null) return;
        var team = context.Db.Teams.Local.FirstOrDefault(t => t.Id == teamId)?.Name
            ?? await context.Db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).SingleAsync(ct);
        // The system, not the person whose change brought it here, made this pick; it is not a first response either.
        var system = new ChangeContext(null, context.Now, ActorIsAgent: false);
        incident.Assign(system, new Named<int>(teamId, team), pick.Assignee);
        incident.RecordEvent(system, Topic, pick.Text);

        var batch = await notifier.AddAsync(context.Db, [pick.Assignee.Id], new NotificationRequest(NotificationKind.Assigned,
            $"{incident.Reference} assigned to you", $"{incident.Title} (auto-assigned in {team})", $"/incidents/{incident.Id}", incident.Id), ct);
        announcements.Hold(incident.Id, batch);
    }
}
