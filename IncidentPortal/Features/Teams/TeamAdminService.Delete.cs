using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Teams;

/// <summary>
/// What deleting a team would do: its open incidents need a new team; its closed ones keep its name in their timelines.
/// <see cref="Blocker"/>: what must change first (routing rules, services), or null.
/// </summary>
public sealed record TeamDeletion(int TeamId, string Name, int Members, int OpenIncidents, int ClosedIncidents, string? Blocker = null);

public sealed partial class TeamAdminService
{
    /// <summary>The counts the delete dialog states before anything happens.</summary>
    public async Task<TeamDeletion?> DeletionAsync(Actor actor, int teamId, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deletion = await db.Teams.Where(t => t.Id == teamId).Select(t => new TeamDeletion(t.Id, t.Name, t.Members.Count,
                db.Incidents.Count(i => i.AssignmentGroupId == t.Id && IncidentLifecycle.OpenStatuses.Contains(i.Status)),
                db.Incidents.Count(i => i.AssignmentGroupId == t.Id && !IncidentLifecycle.OpenStatuses.Contains(i.Status)), null))
            .SingleOrDefaultAsync(ct);
        return deletion is null ? null : deletion with { Blocker = await BlockerAsync(db, teamId, deletion.Name, ct) };
    }

    /// <summary>Routing rules that send incidents to the team, or services it supports: they must change first.</summary>
    private static async Task<string?> BlockerAsync(AppDbContext db, int teamId, string name, CancellationToken ct)
    {
        var rules = await db.RoutingRules.Where(r => r.TeamId == teamId).OrderBy(r => r.Position).Select(r => r.Name).ToListAsync(ct);
        if (rules.Count > 0)
            return $"{name} cannot be deleted: {Plural(rules.Count, "routing rule")} {(rules.Count == 1 ? "sends" : "send")} incidents to it " +
                $"({string.Join(", ", rules.Select(r => $"'{r}'"))}). Change or delete {(rules.Count == 1 ? "that rule" : "those rules")} on the Routing page first.";
        var services = await db.Services.Where(s => s.SupportTeamId == teamId).OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(ct);
        return services.Count > 0
            ? $"{name} cannot be deleted: it supports {Plural(services.Count, "service")} ({string.Join(", ", services)}). Give them another support team first."
            : null;
    }

    /// <summary>
    /// Deletes a team. Routing rules and services that name it must be changed first (refused, saying which). Its open
    /// incidents move to <paramref name="moveOpenIncidentsTo"/> — each reassigned as an agent would (timeline, SLA,
    /// notifications), keeping its assignee when they belong to that team — and without a target it is refused, saying
    /// how many. Closed incidents no longer have a team; their timelines still name it.
    /// </summary>
    public async Task<AdminResult> DeleteAsync(Actor actor, int teamId, int? moveOpenIncidentsTo = null, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null) return Gone;
        if (await BlockerAsync(db, teamId, team.Name, ct) is { } blocker) return AdminResult.Refused(blocker);
        var open = await db.Incidents.Where(i => i.AssignmentGroupId == teamId && IncidentLifecycle.OpenStatuses.Contains(i.Status))
            .OrderBy(i => i.Number).Select(i => new { i.Id, i.Number, i.AssigneeId }).ToListAsync(ct);
        if (open.Count > 0)
        {
            if (moveOpenIncidentsTo is not { } targetId || targetId == teamId)
                return AdminResult.Invalid(MoveToField, $"{team.Name} has {Plural(open.Count, "open incident")}: choose the team {(open.Count == 1 ? "it moves" : "they move")} to.");
            var target = await db.Teams.Where(t => t.Id == targetId).Select(t => new { t.Name, Members = t.Members.Select(m => m.Id).ToList() })
                .SingleOrDefaultAsync(ct);
            if (target is null) return AdminResult.Invalid(MoveToField, "That team no longer exists; choose another.");
            for (var moved = 0; moved < open.Count; moved++)
            {
                var incident = open[moved];
                var assignee = incident.AssigneeId is { } a && target.Members.Contains(a) ? a : null;
                try
                {
                    await incidents.ChangeAsync(actor, incident.Id, null, new AssignIncident(targetId, assignee), ct);
                }
                catch (Exception e) when (e is IncidentRuleException or IncidentConflictException or IncidentNotFoundException)
                {
                    return AdminResult.Refused($"{team.Name} was not deleted: {moved} of {open.Count} open incidents moved to {target.Name}, " +
                        $"then {Incident.FormatReference(incident.Number)} could not: {e.Message}");
                }
            }
        }
        db.Teams.Remove(team);
        await db.SaveChangesAsync(ct);
        return AdminResult.Done(teamId, open.Count == 0 ? null : $"{Plural(open.Count, "open incident")} moved.");
    }

    public const string MoveToField = "MoveTo";
}
