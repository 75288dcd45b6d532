using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.ActionItems;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.StatusPage;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Reports;

public sealed partial class ReportsService
{
    public const int TopRows = 10;

    public async Task<QualityReport> QualityAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var names = await NamesAsync(db, ct);
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        var scope = ReportQueries.Scope(db, filter).AsNoTracking();

        var rates = await RatesAsync(db, filter, ct);
        var previous = await RatesAsync(db, filter.PreviousPeriod(), ct);

        var created = scope.Where(i => i.CreatedAt >= start && i.CreatedAt < end);
        var byService = await created.GroupBy(i => i.ServiceId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byCategory = await created.GroupBy(i => i.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var outage = await OutageMinutesAsync(db, start, end < now ? end : now, ct);
        var topServices = byService.OrderByDescending(s => s.Count).ThenBy(s => s.Key).Take(TopRows).Select(s =>
        {
            var (key, label) = Dimension("service", s.Key, names);
            return new TopRow(key, label, s.Count, s.Key is { } id ? outage.GetValueOrDefault(id) : null, ReportSlice.Of(ReportSlice.Kinds.Created, key));
        }).ToList();
        var topCategories = byCategory.OrderByDescending(c => c.Count).ThenBy(c => c.Key).Take(TopRows).Select(c =>
        {
            var (key, label) = Dimension("category", c.Key, names);
            return new TopRow(key, label, c.Count, null, ReportSlice.Of(ReportSlice.Kinds.Created, key));
        }).ToList();

        var flapping = await ReportQueries.Firings(db, scope, start, end).GroupBy(f => f.DedupKey)
            .Where(g => g.Count() >= ReportDefinitions.FlappingThreshold)
            .Select(g => new { g.Key, Title = g.Max(f => f.Summary), Firings = g.Count(), Incidents = g.Select(f => f.IncidentId).Distinct().Count() })
            .OrderByDescending(g => g.Firings).Take(TopRows).ToListAsync(ct);

        var (majors, reviewed) = await MajorsAsync(db, filter, now, ct);
        var (pMajors, pReviewed) = await MajorsAsync(db, filter.PreviousPeriod(), now, ct);
        // A due date is a calendar date, the same in every zone (stored as its UTC midnight): the range's days, not its instants.
        var (firstDue, afterDue) = (filter.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), filter.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var items = await db.ActionItems.AsNoTracking().Where(a => a.DueDate >= firstDue && a.DueDate < afterDue && scope.Any(i => i.Id == a.IncidentId))
            .Select(a => new { a.DueDate, a.Status, a.CompletedAt }).ToListAsync(ct);
        // Closed on the due day counts as on time; an item still open is late only once its day is over.
        var onTime = items.Count(a => a.Status == ActionItemStatus.Done && a.CompletedAt < a.DueDate!.Value.Date.AddDays(1));
        var late = items.Count(a => (a.Status == ActionItemStatus.Done && a.CompletedAt >= a.DueDate!.Value.Date.AddDays(1))
            || ActionItem.IsOverdue(a.Status, a.DueDate, now));

        IReadOnlyList<ReportFigure> headline =
        [
            Figure(ReportDefinitions.Reopened, rates.Reopen, previous.Reopen, "percent", ReportSlice.Of(ReportSlice.Kinds.Reopened)),
            Figure(ReportDefinitions.FirstContact, rates.FirstContact, previous.FirstContact, "percent", ReportSlice.Of(ReportSlice.Kinds.FirstContact)),
            Figure(ReportDefinitions.Reassignments, rates.Reassignments, previous.Reassignments, "ratio", ReportSlice.Of(ReportSlice.Kinds.Reassigned)),
            Figure(ReportDefinitions.AlertNoise, rates.AlertNoise, previous.AlertNoise, "ratio", ReportSlice.Of(ReportSlice.Kinds.Alert)),
            new("major", "Major incidents", majors, pMajors, "count", ReportDefinitions.MajorReviewed.HowMeasured, ReportSlice.Of(ReportSlice.Kinds.Major)),
            Figure(ReportDefinitions.MajorReviewed, reviewed, pReviewed, "count", ReportSlice.Of(ReportSlice.Kinds.Major, "reviewed")),
            Figure(ReportDefinitions.ActionItems, onTime, null, "count", null),
            new("action-items-late", "Action items late or overdue", late, null, "count", ReportDefinitions.ActionItems.HowMeasured, null),
        ];
        return new QualityReport(filter, headline, topServices, topCategories,
            [.. flapping.Select(f => new FlappingAlertRow(f.Key, f.Title ?? f.Key, f.Firings, f.Incidents, ReportSlice.Of(ReportSlice.Kinds.Alert, "flapping")))]);
    }

    /// <summary>Minutes each service's status-page components spent in partial or major outage within [from, to).</summary>
    private static async Task<Dictionary<int, double>> OutageMinutesAsync(Infrastructure.Data.AppDbContext db, DateTime from, DateTime to, CancellationToken ct)
    {
        var periods = await db.ComponentStatusPeriods.AsNoTracking()
            .Where(p => (p.Status == ComponentStatus.PartialOutage || p.Status == ComponentStatus.MajorOutage) && p.StartedAt < to && (p.EndedAt == null || p.EndedAt > from))
            .Join(db.StatusComponents.Where(c => c.ServiceId != null), p => p.ComponentId, c => c.Id, (p, c) => new { ServiceId = c.ServiceId!.Value, p.StartedAt, p.EndedAt })
            .ToListAsync(ct);
        return periods.GroupBy(p => p.ServiceId).ToDictionary(g => g.Key, g => Math.Round(g.Sum(p =>
            Math.Max(0, ((p.EndedAt is { } e && e < to ? e : to) - (p.StartedAt > from ? p.StartedAt : from)).TotalMinutes)), 1));
    }

    /// <summary>Reopen rate, first-contact resolution and reassignments over the incidents resolved in the range, and
    /// alerts per incident: for the range and, the same way, for the previous period (the trend).</summary>
    private static async Task<(double? Reopen, double? FirstContact, double? Reassignments, double? AlertNoise)> RatesAsync(
        Infrastructure.Data.AppDbContext db, ReportFilter filter, CancellationToken ct)
    {
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        var scope = ReportQueries.Scope(db, filter).AsNoTracking();
        var resolved = await ReportQueries.Resolved(scope, start, end).Select(i => new
        {
            i.ReopenCount,
            Moves = db.IncidentActivities.Count(a => a.IncidentId == i.Id && a.Kind == ActivityKind.FieldChanged
                && ReportQueries.ReassignFields.Contains(a.Field!) && a.OldValue != null),
        }).ToListAsync(ct);
        var alerts = db.Alerts.AsNoTracking().Where(a => a.FirstSeenAt >= start && a.FirstSeenAt < end && scope.Any(i => i.Id == a.IncidentId));
        var alertCount = await alerts.CountAsync(ct);
        var alertIncidents = await alerts.Select(a => a.IncidentId).Distinct().CountAsync(ct);
        return (ReportMath.Percent(resolved.Count(r => r.ReopenCount > 0), resolved.Count),
            ReportMath.Percent(resolved.Count(r => r.ReopenCount == 0 && r.Moves == 0), resolved.Count),
            ReportMath.Ratio(resolved.Sum(r => r.Moves), resolved.Count),
            ReportMath.Ratio(alertCount, alertIncidents));
    }

    private static async Task<(int Majors, int Reviewed)> MajorsAsync(Infrastructure.Data.AppDbContext db, ReportFilter filter, DateTime now, CancellationToken ct) =>
        (await ReportQueries.Matching(db, filter, ReportSlice.Of(ReportSlice.Kinds.Major), now).CountAsync(ct),
            await ReportQueries.Matching(db, filter, ReportSlice.Of(ReportSlice.Kinds.Major, "reviewed"), now).CountAsync(ct));

}
