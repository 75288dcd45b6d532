using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Incidents.Bulk;

/// <summary>
/// The queue's bulk actions. Each incident is changed on its own through the same service call as the one-by-one
/// action (its rules, its concurrency check against the version the agent saw, its timeline entries and events), so
/// one refusal never blocks or undoes the others; the outcome lists what was refused and why.
/// </summary>
public sealed class BulkIncidentService(IDbContextFactory<AppDbContext> dbFactory, IncidentService incidents, QueueService queue)
{
    /// <summary>Commands a bulk action may apply: assignment, priority, the status moves that need no per-incident answer, a work note.</summary>
    public static bool IsAllowed(IncidentCommand command) => command is AssignIncident or OverridePriority or StartWork or PutOnHold
        or ResolveIncident or CancelIncident or AddComment { IsPublic: false };

    /// <summary>
    /// Takes each incident. One of the agent's teams keeps it; an incident outside them moves only into
    /// <paramref name="teamForOthers"/>, which the agent chose when asked (defect 1) — without it that incident is refused, never moved.
    /// </summary>
    public Task<BulkOutcome> AssignToMeAsync(Actor actor, IReadOnlyList<BulkTarget> targets, int? teamForOthers, CancellationToken ct = default) =>
        ForEachAsync(actor, targets, async target =>
        {
            try
            {
                await queue.AssignToMeAsync(actor, target.Id, target.Version, null, ct);
            }
            catch (TeamChoiceRequiredException) when (teamForOthers is { } team)
            {
                await queue.AssignToMeAsync(actor, target.Id, target.Version, team, ct);
            }
        }, ct);

    /// <summary>How many of the incidents "Assign to me" would move to another team: the agent is asked which one first.</summary>
    public async Task<int> CountOutsideMyTeamsAsync(Actor actor, IReadOnlyList<int> ids, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var myTeams = await db.Users.Where(u => u.Id == actor.UserId).SelectMany(u => u.Teams).Select(t => t.Id).ToListAsync(ct);
        var teams = await db.Incidents.Where(i => ids.Contains(i.Id)).Select(i => i.AssignmentGroupId).ToListAsync(ct);
        return teams.Count(t => QueueService.TeamForAssignToMe(t, myTeams) is null);
    }

    public Task<BulkOutcome> ApplyAsync(Actor actor, IReadOnlyList<BulkTarget> targets, IncidentCommand command, CancellationToken ct = default)
    {
        if (!IsAllowed(command)) throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Not a bulk action.");
        return ForEachAsync(actor, targets, target => incidents.ChangeAsync(actor, target.Id, target.Version, command, ct), ct);
    }

    private async Task<BulkOutcome> ForEachAsync(Actor actor, IReadOnlyList<BulkTarget> targets, Func<BulkTarget, Task> change, CancellationToken ct)
    {
        EnsureStaff(actor);
        var references = await ReferencesAsync(targets.Select(t => t.Id).ToList(), ct);
        var changed = new List<int>();
        var failed = new List<BulkFailure>();
        foreach (var target in targets.DistinctBy(t => t.Id))
        {
            var reference = references.TryGetValue(target.Id, out var number) ? Incident.FormatReference(number) : $"#{target.Id}";
            try
            {
                await change(target);
                changed.Add(target.Id);
            }
            catch (Exception e) when (Reason(e) is { } reason)
            {
                failed.Add(new BulkFailure(target.Id, reference, reason));
            }
        }
        return new BulkOutcome(changed, failed);
    }

    private static string? Reason(Exception e) => e switch
    {
        TeamChoiceRequiredException => "It is not in one of your teams; choose the team to take it into.",
        IncidentRuleException rule => rule.Message,
        IncidentConflictException => "Someone else changed it since you selected it; open it to see what changed.",
        IncidentNotFoundException => "It is no longer available to you.",
        _ => null,
    };

    private async Task<Dictionary<int, int>> ReferencesAsync(List<int> ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = new Dictionary<int, int>();
        foreach (var slice in ids.Chunk(500))
        {
            foreach (var i in await db.Incidents.AsNoTracking().Where(i => slice.Contains(i.Id)).Select(i => new { i.Id, i.Number }).ToListAsync(ct))
                found[i.Id] = i.Number;
        }
        return found;
    }

    private static void EnsureStaff(Actor actor)
    {
        if (!actor.IsStaff) throw new UnauthorizedAccessException("Bulk actions are for agents.");
    }
}
