using IncidentPortal.Features.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Escalation;

/// <summary>
/// With every incident change: a new (or newly routed, or newly prioritised) incident of one of its team's auto-start
/// priorities starts the team's default policy; a resolved or cancelled incident stops its page. Both commit with the change.
/// </summary>
public sealed class EscalationSaveHook : IIncidentSaveHook
{
    public async Task BeforeSaveAsync(IncidentSaveContext context, CancellationToken ct)
    {
        var (db, incident) = (context.Db, context.Incident);
        var by = new ChangeContext(context.ActorId, context.Now, ActorIsAgent: true);
        if (!incident.IsOpen)
        {
            var active = await db.EscalationRuns.Where(r => r.IncidentId == incident.Id && r.FinishedAt == null).ToListAsync(ct);
            foreach (var run in active)
            {
                run.Stop(context.Now);
                incident.RecordEvent(by, EscalationWriter.Topic, $"Paging stopped: the incident is {IncidentText.Label(incident.Status)}");
            }
            return;
        }
        var relevant = context.IsNew || context.Recorded.Any(a => a.Field is "Team" or "Priority");
        if (!relevant || incident.AssignmentGroupId is not { } teamId) return;
        var team = await context.Lookups.GetAsync("team-escalation", teamId,
            () => db.TeamEscalations.AsNoTracking().SingleOrDefaultAsync(t => t.TeamId == teamId, ct));
        if (team?.DefaultPolicyId is not { } policyId || !team.AutoStart.Contains(incident.Priority)) return;
        if (await db.EscalationRuns.AnyAsync(r => r.IncidentId == incident.Id && r.FinishedAt == null, ct)) return;
        var policy = await db.EscalationPolicies.Where(p => p.Id == policyId).Select(p => p.Name).SingleAsync(ct);
        var reason = $"{incident.Priority} incident for {await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).SingleAsync(ct)}";
        db.EscalationRuns.Add(EscalationRun.Start(incident.Id, policyId, reason, context.ActorId, context.Now));
        incident.RecordEvent(by, EscalationWriter.Topic, EscalationWriter.StartText(policy, reason));
    }
}
