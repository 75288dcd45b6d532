using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Sla;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Escalation;

/// <summary>
/// Applies the matrix when the SLA watcher announces a warning or breach (published once, by the instance that
/// recorded it): notify the lead or the incident managers, move the incident to the next tier, or start a policy.
/// </summary>
public sealed class EscalationSlaReactor(IEventBus events, IDbContextFactory<AppDbContext> dbFactory, IncidentService incidents,
    EscalationWriter writer, ILogger<EscalationSlaReactor> logger) : IHostedService
{
    private IDisposable? subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = events.Subscribe<SlaThresholdReached>(async e =>
        {
            try { await ReactAsync(e, CancellationToken.None); }
            catch (Exception ex) { logger.LogWarning(ex, "Automatic escalation of incident {IncidentId} failed.", e.IncidentId); }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    public async Task ReactAsync(SlaThresholdReached e, CancellationToken ct)
    {
        var trigger = e.Threshold == SlaThreshold.Breach ? EscalationTrigger.SlaBreach : EscalationTrigger.SlaWarning;
        var moment = $"SLA {(trigger == EscalationTrigger.SlaBreach ? "breach" : "warning")} ({e.Kind.ToString().ToLowerInvariant()})";
        EscalationRule? rule;
        int? teamId, nextTier = null;
        string? policyName = null;
        List<Recipient> people = [];
        var who = "";
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == e.IncidentId)
                .Select(i => new { i.Priority, i.AssignmentGroupId, i.Status }).SingleOrDefaultAsync(ct);
            if (incident is null || !IncidentLifecycle.IsOpen(incident.Status)) return;
            rule = await db.EscalationRules.AsNoTracking().SingleOrDefaultAsync(r => r.Priority == incident.Priority && r.Trigger == trigger, ct);
            teamId = incident.AssignmentGroupId;
            if (rule is null || rule.Action == AutoEscalation.None) return;
            if (rule.Action == AutoEscalation.MoveToNextTier)
                nextTier = await db.TeamEscalations.Where(t => t.TeamId == teamId).Select(t => t.NextTierTeamId).FirstOrDefaultAsync(ct);
            if (rule.Action == AutoEscalation.StartPolicy)
                policyName = await db.EscalationPolicies.Where(p => p.Id == rule.PolicyId).Select(p => p.Name).SingleOrDefaultAsync(ct);
            if (rule.Action is AutoEscalation.NotifyLead or AutoEscalation.NotifyIncidentManagers)
                (people, who) = await writer.HierarchicalTargetsAsync(db, teamId,
                    rule.Action == AutoEscalation.NotifyLead ? HierarchicalTarget.TeamLead : HierarchicalTarget.IncidentManagers, ct);
        }

        NotificationBatch? batch = null;
        switch (rule.Action)
        {
            case AutoEscalation.MoveToNextTier when nextTier is { } next:
                await incidents.ChangeAsSystemAsync(e.IncidentId, new AssignIncident(next, null), async (db, incident, token) =>
                {
                    var to = await db.Teams.Where(t => t.Id == next).Select(t => t.Name).SingleAsync(token);
                    batch = await writer.FunctionalAsync(db, incident, System(incident), teamId, to, moment, token);
                    return true;
                }, ct);
                break;
            case AutoEscalation.NotifyLead or AutoEscalation.NotifyIncidentManagers when people.Count > 0:
                var target = rule.Action == AutoEscalation.NotifyLead ? HierarchicalTarget.TeamLead : HierarchicalTarget.IncidentManagers;
                await incidents.ChangeAsSystemAsync(e.IncidentId,
                    new RecordIncidentEvent(EscalationWriter.Topic, EscalationWriter.HierarchicalText(who, moment)), async (db, incident, token) =>
                    {
                        batch = await writer.HierarchicalAsync(db, incident, System(incident), target, people, moment, token);
                        return true;
                    }, ct);
                break;
            case AutoEscalation.StartPolicy when policyName is not null:
                await incidents.ChangeAsSystemAsync(e.IncidentId,
                    new RecordIncidentEvent(EscalationWriter.Topic, EscalationWriter.StartText(policyName, moment)), (db, incident, token) =>
                        EscalationWriter.StartRunAsync(db, incident, System(incident), rule.PolicyId!.Value, moment, token), ct);
                break;
            default:
                logger.LogInformation("{Moment} on incident {IncidentId}: the matrix says {Action}, but there is no one or nothing to escalate to.",
                    moment, e.IncidentId, rule.Action);
                return;
        }
        await writer.AnnounceAsync(batch);
    }

    private static ChangeContext System(Incident incident) => new(null, incident.UpdatedAt, ActorIsAgent: true);
}
