using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Alerts;

public enum AlertAction { Acknowledge, Resolve }

/// <summary>
/// Agents acknowledging or resolving an alert from the alerts list or the incident's alerts panel. The alert changes in
/// the same unit of work as a timeline entry on its incident (who, when, which alert), through the incident's own change
/// path, so the incident's rules, hooks and live updates apply as to any other change.
/// </summary>
public sealed class AlertActions(IncidentService incidents, IDbContextFactory<AppDbContext> dbFactory, IEventBus events)
{
    /// <returns>What the agent is told, e.g. "Acknowledged “Disk full on db-1”."</returns>
    public async Task<string> ApplyAsync(Actor actor, int alertId, AlertAction action, CancellationToken ct = default)
    {
        if (!actor.IsStaff) throw new UnauthorizedAccessException("Only agents can acknowledge or resolve alerts.");
        int incidentId;
        string summary;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var found = await db.Alerts.AsNoTracking().Where(a => a.Id == alertId).Select(a => new { a.IncidentId, a.Summary, a.Status })
                .SingleOrDefaultAsync(ct) ?? throw new AlertRuleException("That alert does not exist.");
            (incidentId, summary) = (found.IncidentId, found.Summary);
        }
        var done = action == AlertAction.Acknowledge ? "Acknowledged" : "Resolved";
        await incidents.ChangeAsync(actor, incidentId, null, new RecordIncidentEvent(AlertFollowUps.Topic, $"{done} the alert “{summary}” by hand."),
            async (db, _, by, token) =>
            {
                // Read again inside the unit of work: monitoring may have resolved it meanwhile, and the rule says so.
                var alert = await db.Alerts.SingleAsync(a => a.Id == alertId, token);
                if (action == AlertAction.Acknowledge) alert.AcknowledgeByHand(by.At);
                else alert.ResolveByHand(by.At);
            }, ct);
        await events.PublishAsync(new AlertsChanged([incidentId]));
        return $"{done} “{summary}”.";
    }
}
