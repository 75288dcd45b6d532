using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Integrations;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Alerts;

/// <summary>
/// Applies a batch of submissions in one unit of work (the caller's transaction), with PagerDuty's dedup rules:
/// a signal with a key applies to the open alert with that key; a trigger with no open alert opens a new one (and
/// an incident, unless correlation finds an open incident for the same service); acknowledge and resolve with no
/// open alert are dropped; a late copy of an older firing (same key, earlier startsAt) is dropped too.
/// Alerts already stored are loaded untracked and written back by <see cref="AlertRows"/>; new ones go through EF.
/// </summary>
internal sealed class AlertBatch(AppDbContext db, IncidentService incidents, DateTime now)
{
    private readonly Dictionary<(int, string), Alert> open = [];
    private readonly List<Alert> opened = [];
    /// <summary>Incidents to open, created together at the end of the batch (one number reservation, one insert).</summary>
    private readonly List<(SystemReport Report, List<Alert> Alerts)> pending = [];
    private readonly Dictionary<Alert, int> pendingOf = [];
    public List<Incident> CreatedIncidents { get; } = [];
    /// <summary>Read after the save: an incident inserted in this batch has its id only then.</summary>
    public List<Func<AlertFollowUp>> FollowUps { get; } = [];
    public IEnumerable<Alert> Touched => open.Values.Concat(resolved);
    private readonly List<Alert> resolved = [];
    /// <summary>Loaded (untracked) alerts; each moves to <see cref="changed"/> when a signal first changes it.</summary>
    private readonly HashSet<Alert> stored = [];
    private readonly List<Alert> changed = [];

    public async Task ApplyAsync(IReadOnlyList<AlertSubmission> submissions, CancellationToken ct)
    {
        await LoadOpenAlertsAsync(submissions, ct);
        foreach (var submission in submissions)
        {
            foreach (var signal in submission.Signals) submission.Applied.Add(await ApplyAsync(submission.Integration, signal, ct));
        }
        var created = await incidents.ReportAsSystemAsync(db, pending.Select(p => p.Report).ToList(), ct);
        foreach (var ((_, alerts), incident) in pending.Zip(created))
        {
            foreach (var alert in alerts)
            {
                alert.AttachTo(incident);
                db.Alerts.Add(alert);
            }
        }
        CreatedIncidents.AddRange(created);
    }

    private async Task LoadOpenAlertsAsync(IReadOnlyList<AlertSubmission> submissions, CancellationToken ct)
    {
        foreach (var group in submissions.GroupBy(s => s.Integration.Id))
        {
            var keys = group.SelectMany(s => s.Signals).Select(s => s.DedupKey).OfType<string>().Distinct().ToList();
            if (keys.Count == 0) continue;
            var found = await db.Alerts.AsNoTracking().Where(a => a.IntegrationId == group.Key && a.Status != AlertStatus.Resolved && keys.Contains(a.DedupKey))
                .ToListAsync(ct);
            foreach (var alert in found)
            {
                open[(alert.IntegrationId, alert.DedupKey)] = alert;
                stored.Add(alert);
            }
        }
    }

    private async Task<(string, Alert?, bool)> ApplyAsync(ActiveIntegration integration, AlertSignal signal, CancellationToken ct)
    {
        var key = signal.DedupKey ?? Guid.NewGuid().ToString("N");
        open.TryGetValue((integration.Id, key), out var alert);
        if (alert is not null && alert.IsOlderThanCurrentFiring(signal)) return Dropped(key);
        if (alert is not null && stored.Remove(alert)) changed.Add(alert);

        switch (signal.Action)
        {
            case SignalAction.Trigger when alert is not null:
                alert.Repeat(signal, now);
                return Applied(key, alert, opened: false);
            case SignalAction.Trigger:
                if (signal.StartsAt is { } startsAt && await WasResolvedAsync(integration.Id, key, startsAt, ct)) return Dropped(key);
                return await OpenAsync(integration, key, signal, ct);
            case SignalAction.Acknowledge when alert is not null:
                var first = alert.Status == AlertStatus.Triggered;
                alert.Acknowledge(signal, now);
                if (first) FollowUps.Add(() => new AlertNote(alert.IncidentId, $"Alert acknowledged at the source: {alert.Summary}"));
                return Applied(key, alert, opened: false);
            case SignalAction.Resolve when alert is not null:
                alert.Resolve(signal, now);
                open.Remove((integration.Id, key));
                resolved.Add(alert);
                FollowUps.Add(() => new AlertsRecovered(alert.IncidentId, integration.Id));
                return Applied(key, alert, opened: false);
            default:
                return Dropped(key);
        }
    }

    /// <summary>Saves the batch in the caller's transaction: new rows through EF, then the changed stored alerts, then pruning.</summary>
    public async Task SaveAsync(AlertRows rows, System.Data.Common.DbTransaction transaction, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        foreach (var alert in changed) await rows.SaveAsync(transaction, alert, ct);
        foreach (var alert in Touched) await rows.PruneAsync(transaction, alert, ct);
    }

    /// <summary>An Alertmanager peer's late copy of a firing that has already been resolved here.</summary>
    private async Task<bool> WasResolvedAsync(int integrationId, string key, DateTime startsAt, CancellationToken ct) =>
        resolved.Any(a => a.IntegrationId == integrationId && a.DedupKey == key && a.StartsAt == startsAt)
        || await db.Alerts.AnyAsync(a => a.IntegrationId == integrationId && a.DedupKey == key && a.StartsAt == startsAt
                                          && a.Status == AlertStatus.Resolved, ct);

    private async Task<(string, Alert?, bool)> OpenAsync(ActiveIntegration integration, string key, AlertSignal signal, CancellationToken ct)
    {
        var target = await CorrelatedIncidentAsync(integration, signal, ct);
        var alert = Alert.Open(integration.Id, key, signal, now, target?.Id ?? 0);
        if (target is { Pending: { } index })
        {
            pending[index].Alerts.Add(alert);
            pendingOf[alert] = index;
        }
        else if (target is not null)
        {
            db.Alerts.Add(alert);
            FollowUps.Add(() => new AlertNote(target.Id, $"Alert joined this incident (same service \"{signal.Service}\"): {signal.Summary}"));
        }
        else
        {
            var settings = integration.Settings;
            var priority = settings.PriorityFor(signal.Severity);
            var draft = new IncidentDraft(signal.Title, signal.Description, Impact.Medium, Urgency.Medium, IncidentSource.Monitoring,
                settings.ServiceId, settings.CategoryId);
            pending.Add((new SystemReport(draft, MonitoringAccount.UserId, new Named<int>(settings.TeamId, integration.TeamName), priority,
                $"Alert severity {AlertSeverities.Label(signal.Severity)} maps to {priority} ({settings.Name})"), [alert]));
            pendingOf[alert] = pending.Count - 1;
        }
        // Alerts of incidents still to be created are added once those exist (their foreign key needs the id).
        open[(integration.Id, key)] = alert;
        opened.Add(alert);
        return Applied(key, alert, opened: target is null);
    }

    /// <summary>An existing incident (<see cref="Id"/>), or one this batch opens (<see cref="Pending"/>).</summary>
    private sealed record Target(int Id, int? Pending);

    /// <summary>An open incident with an alert of the same service first seen within the integration's window.</summary>
    private async Task<Target?> CorrelatedIncidentAsync(ActiveIntegration integration, AlertSignal signal, CancellationToken ct)
    {
        var minutes = integration.Settings.CorrelationMinutes;
        if (minutes <= 0 || signal.Service is not { } service) return null;
        var since = now.AddMinutes(-minutes);
        if (opened.LastOrDefault(a => a.IntegrationId == integration.Id && a.Service == service && a.FirstSeenAt >= since) is { } sibling)
            return pendingOf.TryGetValue(sibling, out var index) ? new Target(0, index) : new Target(sibling.IncidentId, null);
        var openStatuses = IncidentLifecycle.OpenStatuses;
        var id = await db.Alerts.Where(a => a.IntegrationId == integration.Id && a.Service == service && a.FirstSeenAt >= since)
            .Join(db.Incidents.Where(i => openStatuses.Contains(i.Status)), a => a.IncidentId, i => i.Id, (a, i) => new { i.Id, a.FirstSeenAt })
            .OrderByDescending(x => x.FirstSeenAt).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
        return id is { } found ? new Target(found, null) : null;
    }

    private static (string, Alert?, bool) Applied(string key, Alert alert, bool opened) => (key, alert, opened);
    private static (string, Alert?, bool) Dropped(string key) => (key, null, false);
}
