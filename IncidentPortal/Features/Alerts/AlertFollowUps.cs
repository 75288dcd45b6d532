using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Integrations;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Alerts;

/// <summary>
/// What an alert batch means for incidents beyond attaching alerts: timeline notes, and on recovery resolving the
/// incident (or telling its people). Queued in the batch's own transaction through the outbox, so it happens exactly
/// when the alerts are stored, and applied afterwards through <see cref="IncidentService.ChangeAsSystemAsync"/>,
/// out of the ingest path.
/// </summary>
public sealed class AlertFollowUps(IncidentService incidents, IDbContextFactory<AppDbContext> dbFactory, Notifier notifier)
    : IOutboxHandler
{
    public const string OutboxKind = "alert-follow-up";
    public const string Topic = "Alert";

    public string Kind => OutboxKind;

    private sealed record Payload(string Type, int IncidentId, int IntegrationId, string? Text);

    public void Enqueue(AppDbContext db, IReadOnlyList<AlertFollowUp> followUps, DateTime now)
    {
        foreach (var followUp in followUps)
        {
            Outbox.Enqueue(db, OutboxKind, followUp switch
            {
                AlertsRecovered r => new Payload("recovered", r.IncidentId, r.IntegrationId, null),
                AlertNote n => new Payload("note", n.IncidentId, 0, n.Text),
                _ => throw new ArgumentOutOfRangeException(nameof(followUps), followUp.GetType().Name, "Unknown follow-up."),
            }, now);
        }
    }

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var payload = message.PayloadAs<Payload>() ?? throw new OutboxGiveUpException("Empty alert follow-up.");
        try
        {
            if (payload.Type == "note") await incidents.ChangeAsSystemAsync(payload.IncidentId, new RecordIncidentEvent(Topic, payload.Text!), ct: ct);
            else await RecoveredAsync(payload.IncidentId, payload.IntegrationId, ct);
        }
        catch (IncidentNotFoundException e) { throw new OutboxGiveUpException("The incident no longer exists.", e); }
        // The incident moved on meanwhile (closed, cancelled): there is nothing left to tell it.
        catch (IncidentRuleException) { }
    }

    /// <summary>Every alert on the incident recovered: resolve it (as the system) or only tell its people, per integration.</summary>
    private async Task RecoveredAsync(int incidentId, int integrationId, CancellationToken ct)
    {
        var (alerts, open, status, team, assignee, recovery) = await StateAsync(incidentId, integrationId, ct);
        if (open > 0 || !IncidentLifecycle.IsOpen(status)) return;
        var text = alerts == 1 ? "The alert on this incident has recovered at the source." : $"All {alerts} alerts on this incident have recovered at the source.";
        if (recovery == RecoveryAction.NotifyOnly)
        {
            await incidents.ChangeAsSystemAsync(incidentId, new RecordIncidentEvent(Topic, text + " Resolve it once the service is confirmed back."), ct: ct);
            var people = assignee is not null ? [assignee] : await TeamMembersAsync(team, ct);
            await notifier.NotifyAsync(people, new NotificationRequest(NotificationKind.Alert, "Alerts recovered",
                text, $"/incidents/{incidentId}", incidentId), ct);
            return;
        }
        // New incidents are only queued for the team; the lifecycle resolves from Assigned onwards.
        if (status == IncidentStatus.New && team is { } teamId)
            await incidents.ChangeAsSystemAsync(incidentId, new AssignIncident(teamId, null), StillRecovered, ct);
        await incidents.ChangeAsSystemAsync(incidentId, new ResolveIncident(ResolutionCode.Fixed,
            $"Resolved automatically: {text}", null), StillRecovered, ct);

        // Checked again inside the change's own transaction: an alert that fired meanwhile keeps the incident open.
        async Task<bool> StillRecovered(AppDbContext db, Incident incident, CancellationToken token) =>
            !await db.Alerts.AnyAsync(a => a.IncidentId == incident.Id && a.Status != AlertStatus.Resolved, token);
    }

    private async Task<(int Alerts, int Open, IncidentStatus Status, int? Team, string? Assignee, RecoveryAction Recovery)> StateAsync(
        int incidentId, int integrationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId)
            .Select(i => new { i.Status, i.AssignmentGroupId, i.AssigneeId }).SingleOrDefaultAsync(ct)
            ?? throw new IncidentNotFoundException();
        var alerts = await db.Alerts.CountAsync(a => a.IncidentId == incidentId, ct);
        var open = await db.Alerts.CountAsync(a => a.IncidentId == incidentId && a.Status != AlertStatus.Resolved, ct);
        var recovery = await db.AlertIntegrations.Where(i => i.Id == integrationId).Select(i => (RecoveryAction?)i.OnRecovery).SingleOrDefaultAsync(ct)
            ?? RecoveryAction.NotifyOnly;
        return (alerts, open, incident.Status, incident.AssignmentGroupId, incident.AssigneeId, recovery);
    }

    private async Task<List<string>> TeamMembersAsync(int? teamId, CancellationToken ct)
    {
        if (teamId is null) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Teams.Where(t => t.Id == teamId).SelectMany(t => t.Members).Select(u => u.Id).ToListAsync(ct);
    }
}
