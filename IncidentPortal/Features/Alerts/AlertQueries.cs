using System.Text.Json;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Integrations;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Alerts;

public sealed record AlertRow(int Id, string Integration, string DedupKey, AlertStatus Status, AlertSeverity Severity, string Summary,
    string? Source, string? Service, DateTime FirstSeenAt, DateTime LastSeenAt, int OccurrenceCount,
    int IncidentId, int IncidentNumber, IncidentStatus IncidentStatus)
{
    public string IncidentReference => Incident.FormatReference(IncidentNumber);
}

public sealed record AlertOccurrenceRow(int Sequence, DateTime At, OccurrenceAction Action, string Summary, AlertSeverity Severity);

/// <summary>An alert with everything the incident's alerts tab shows.</summary>
public sealed record AlertDetails(AlertRow Alert, IReadOnlyList<KeyValuePair<string, string>> Labels,
    IReadOnlyList<KeyValuePair<string, string>> Details, string? Link, DateTime? StartsAt, DateTime? AcknowledgedAt,
    DateTime? ResolvedAt, IReadOnlyList<AlertOccurrenceRow> Occurrences);

/// <param name="Status">Null: open ones (triggered or acknowledged); <see cref="All"/> for every status.</param>
public sealed record AlertFilter(AlertStatus? Status = null, bool All = false, int? IntegrationId = null, string? Search = null);

/// <summary>Reads alerts for staff: the alerts list and an incident's alerts tab.</summary>
public sealed class AlertQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int ListLimit = 200;

    /// <summary>One page of the matching alerts, latest activity first, and how many match (the list pages on the server).</summary>
    public async Task<(List<AlertRow> Rows, int Total)> ListAsync(Actor actor, AlertFilter filter, int skip = 0, int take = ListLimit,
        CancellationToken ct = default)
    {
        RequireStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alerts = db.Alerts.AsNoTracking();
        if (filter.Status is { } status) alerts = alerts.Where(a => a.Status == status);
        else if (!filter.All) alerts = alerts.Where(a => a.Status != AlertStatus.Resolved);
        if (filter.IntegrationId is { } integrationId) alerts = alerts.Where(a => a.IntegrationId == integrationId);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            alerts = alerts.Where(a => a.Summary.Contains(term) || a.DedupKey.Contains(term) || (a.Source != null && a.Source.Contains(term)));
        }
        var total = await alerts.CountAsync(ct);
        var page = alerts.OrderByDescending(a => a.LastSeenAt).ThenByDescending(a => a.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, ListLimit));
        // The join to incident and integration need not keep the page's order: sort the page again.
        var rows = (await Rows(db, page).ToListAsync(ct)).OrderByDescending(r => r.LastSeenAt).ThenByDescending(r => r.Id).ToList();
        return (rows, total);
    }

    public async Task<List<AlertDetails>> ForIncidentAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        RequireStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.IncidentId == incidentId)
            .OrderBy(a => a.Status == AlertStatus.Resolved).ThenByDescending(a => a.LastSeenAt).ToListAsync(ct);
        if (alerts.Count == 0) return [];
        var ids = alerts.Select(a => a.Id).ToList();
        var rows = (await Rows(db, db.Alerts.Where(a => ids.Contains(a.Id))).ToListAsync(ct)).ToDictionary(r => r.Id);
        var occurrences = (await db.AlertOccurrences.AsNoTracking().Where(o => ids.Contains(o.AlertId))
                .OrderByDescending(o => o.Sequence).ToListAsync(ct))
            .ToLookup(o => o.AlertId, o => new AlertOccurrenceRow(o.Sequence, o.At, o.Action, o.Summary, o.Severity));
        return alerts.Select(a => new AlertDetails(rows[a.Id], Pairs(a.LabelsJson), Pairs(a.DetailsJson), a.Link, a.StartsAt,
            a.AcknowledgedAt, a.ResolvedAt, occurrences[a.Id].ToList())).ToList();
    }

    public async Task<List<Named<int>>> IntegrationsAsync(Actor actor, CancellationToken ct = default)
    {
        RequireStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AlertIntegrations.AsNoTracking().OrderBy(i => i.Name).Select(i => new Named<int>(i.Id, i.Name)).ToListAsync(ct);
    }

    private static IQueryable<AlertRow> Rows(AppDbContext db, IQueryable<Alert> alerts) =>
        from a in alerts
        join i in db.Incidents on a.IncidentId equals i.Id
        join n in db.AlertIntegrations on a.IntegrationId equals n.Id
        select new AlertRow(a.Id, n.Name, a.DedupKey, a.Status, a.Severity, a.Summary, a.Source, a.Service, a.FirstSeenAt,
            a.LastSeenAt, a.OccurrenceCount, i.Id, i.Number, i.Status);

    /// <summary>Labels and annotations are string maps; custom details may be any JSON, shown as compact JSON per field.</summary>
    internal static IReadOnlyList<KeyValuePair<string, string>> Pairs(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return [new("value", document.RootElement.GetRawText())];
            return document.RootElement.EnumerateObject()
                .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()))
                .ToList();
        }
        catch (JsonException)
        {
            return [new("value", json)];
        }
    }

    private static void RequireStaff(Actor actor)
    {
        if (!actor.IsStaff) throw new UnauthorizedAccessException("Only agents can see alerts.");
    }
}
