using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Sla;

/// <summary>
/// The clocks as the workspace shows them: recomputed from history at <see cref="ComputedAt"/>. The page then advances a
/// running clock itself (<see cref="ElapsedAt"/>) on the same calendar, so it ticks without asking the server.
/// </summary>
public sealed record SlaPanelData(string PolicyName, BusinessCalendar Calendar, IReadOnlyList<SlaClockReading> Clocks, DateTime ComputedAt)
{
    public TimeSpan ElapsedAt(SlaClockReading clock, DateTime now) => clock.State is SlaClockState.Running or SlaClockState.Breached && clock.IsActive
        ? clock.Elapsed + BusinessHours.Elapsed(Calendar, ComputedAt, now)
        : clock.Elapsed;
}

/// <summary>The soonest due time of an incident's running clocks, for the queue ("breaches in 25m").</summary>
public sealed record SlaDue(DateTime? DueAt, SlaClockKind? Kind, bool Paused);

public sealed class SlaQueries(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Null when no policy applies. Staff only: the clocks are internal commitments.</summary>
    public async Task<SlaPanelData?> ForIncidentAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        if (!actor.IsStaff) throw new UnauthorizedAccessException("SLA clocks are for staff.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == incidentId, ct);
        if (incident is null) return null;
        var policy = await SlaPolicies.ForServiceAsync(db, incident.ServiceId, ct);
        if (policy is null) return null;
        var history = await db.IncidentActivities.AsNoTracking()
            .Where(a => a.IncidentId == incidentId && a.Kind == ActivityKind.StatusChanged).ToListAsync(ct);
        var facts = SlaFacts.From(incident, history);
        var target = policy.TargetFor(incident.Priority);
        var now = clock.GetUtcNow().UtcDateTime;
        var clocks = Enum.GetValues<SlaClockKind>()
            .Select(kind => SlaClockCalculator.Compute(kind, facts, policy, target, target.Calendar!, now)).ToList();
        return new SlaPanelData(policy.Name, target.Calendar!, clocks, now);
    }

    /// <summary>Per incident, its next due time (from the stored clocks; one indexed query for a page of the queue).</summary>
    public static async Task<Dictionary<int, SlaDue>> DueForAsync(AppDbContext db, IReadOnlyCollection<int> incidentIds, CancellationToken ct)
    {
        var clocks = await db.SlaClocks.AsNoTracking().Where(c => incidentIds.Contains(c.IncidentId))
            .Select(c => new { c.IncidentId, c.Kind, c.RunningDueAt, c.State }).ToListAsync(ct);
        return clocks.GroupBy(c => c.IncidentId).ToDictionary(g => g.Key, g =>
        {
            var next = g.Where(c => c.RunningDueAt is not null).OrderBy(c => c.RunningDueAt).FirstOrDefault();
            return new SlaDue(next?.RunningDueAt, next?.Kind, next is null && g.Any(c => c.State == SlaClockState.Paused));
        });
    }

    /// <summary>Ids of incidents with a running clock due before <paramref name="horizon"/> (or overdue): served by the RunningDueAt index.</summary>
    public static IQueryable<int> DueBefore(AppDbContext db, DateTime horizon) =>
        db.SlaClocks.Where(c => c.RunningDueAt != null && c.RunningDueAt <= horizon).Select(c => c.IncidentId);
}
