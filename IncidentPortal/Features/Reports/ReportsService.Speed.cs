using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Sla;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Reports;

public sealed partial class ReportsService
{
    /// <summary>One measured interval: calendar time, business time (null when the SLA clock has none stored) and where it belongs.</summary>
    internal sealed record Interval(TimeSpan Calendar, TimeSpan? Business, Priority Priority, int? TeamId, int? ServiceId);

    public async Task<SpeedReport> SpeedAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (responses, resolutions, cancelled, reopened) = await MeasureAsync(db, filter, ct);
        var previous = await MeasureAsync(db, filter.PreviousPeriod(), ct);
        var names = await NamesAsync(db, ct);

        DurationStats Cal(IEnumerable<Interval> xs) => ReportMath.Stats(xs.Select(x => x.Calendar));
        DurationStats Biz(IEnumerable<Interval> xs) => ReportMath.Stats(xs.Where(x => x.Business is not null).Select(x => x.Business!.Value));
        var (mtta, mttr, pMtta, pMttr) = (Cal(responses), Cal(resolutions), Cal(previous.Responses), Cal(previous.Resolutions));
        var (bMtta, bMttr, pbMtta, pbMttr) = (Biz(responses), Biz(resolutions), Biz(previous.Responses), Biz(previous.Resolutions));
        var responded = ReportSlice.Of(ReportSlice.Kinds.Responded);
        var resolvedSlice = ReportSlice.Of(ReportSlice.Kinds.Resolved);
        IReadOnlyList<ReportFigure> headline =
        [
            Minutes(ReportDefinitions.Mtta, "mtta-median", "MTTA median", mtta.Median, pMtta.Median, responded),
            Minutes(ReportDefinitions.Mtta, "mtta-p90", "MTTA 90th percentile", mtta.P90, pMtta.P90, responded),
            Minutes(ReportDefinitions.Mttr, "mttr-median", "MTTR median", mttr.Median, pMttr.Median, resolvedSlice),
            Minutes(ReportDefinitions.Mttr, "mttr-p90", "MTTR 90th percentile", mttr.P90, pMttr.P90, resolvedSlice),
            Minutes(ReportDefinitions.MttaBusiness, "mtta-business-median", "MTTA median, business time", bMtta.Median, pbMtta.Median, responded),
            Minutes(ReportDefinitions.MttaBusiness, "mtta-business-p90", "MTTA 90th percentile, business time", bMtta.P90, pbMtta.P90, responded),
            Minutes(ReportDefinitions.MttrBusiness, "mttr-business-median", "MTTR median, business time", bMttr.Median, pbMttr.Median, resolvedSlice),
            Minutes(ReportDefinitions.MttrBusiness, "mttr-business-p90", "MTTR 90th percentile, business time", bMttr.P90, pbMttr.P90, resolvedSlice),
            new(ReportDefinitions.Cancelled.Key, ReportDefinitions.Cancelled.Title, cancelled, previous.Cancelled, "count",
                ReportDefinitions.Cancelled.HowMeasured, ReportSlice.Of(ReportSlice.Kinds.Cancelled)),
            new(ReportDefinitions.Reopened.Key, "Reopened before resolution", reopened, previous.Reopened, "count",
                "Incidents resolved in the range that had been reopened at least once; their MTTR uses the final resolution.",
                ReportSlice.Of(ReportSlice.Kinds.Reopened)),
        ];

        List<SpeedRow> Rows<TKey>(Func<Interval, TKey> keyOf, Func<TKey, (string Key, string Label)> describe, IEnumerable<TKey> order)
        {
            var a = responses.ToLookup(keyOf);
            var r = resolutions.ToLookup(keyOf);
            return [.. order.Where(k => a[k].Any() || r[k].Any()).Select(k =>
            {
                var (key, label) = describe(k);
                return new SpeedRow(key, label, Cal(a[k]), Biz(a[k]), Cal(r[k]), Biz(r[k]),
                    ReportSlice.Of(ReportSlice.Kinds.Responded, key), ReportSlice.Of(ReportSlice.Kinds.Resolved, key));
            })];
        }
        var all = responses.Concat(resolutions).ToList();
        return new SpeedReport(filter, headline,
            Rows(x => x.Priority, p => ($"priority:{p}", p.ToString()), Enum.GetValues<Priority>()),
            Rows(x => x.TeamId, t => Dimension("team", t, names), all.Select(x => x.TeamId).Distinct().OrderBy(t => Dimension("team", t, names).Label, StringComparer.OrdinalIgnoreCase)),
            Rows(x => x.ServiceId, s => Dimension("service", s, names), all.Select(x => x.ServiceId).Distinct().OrderBy(s => Dimension("service", s, names).Label, StringComparer.OrdinalIgnoreCase)));
    }

    private static async Task<(List<Interval> Responses, List<Interval> Resolutions, int Cancelled, int Reopened)> MeasureAsync(
        AppDbContext db, ReportFilter filter, CancellationToken ct)
    {
        var scope = ReportQueries.Scope(db, filter).AsNoTracking();
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        var responses = await ReportQueries.Responded(scope, start, end).Select(i => new
        {
            i.CreatedAt, At = i.FirstResponseAt!.Value, i.Priority, i.AssignmentGroupId, i.ServiceId,
            Business = db.SlaClocks.Where(c => c.IncidentId == i.Id && c.Kind == SlaClockKind.Response && c.StoppedAt != null)
                .Select(c => c.ElapsedSeconds).FirstOrDefault(),
        }).ToListAsync(ct);
        var resolutions = await ReportQueries.Resolved(scope, start, end).Select(i => new
        {
            i.CreatedAt, At = i.ResolvedAt!.Value, i.Priority, i.AssignmentGroupId, i.ServiceId, i.ReopenCount,
            Business = db.SlaClocks.Where(c => c.IncidentId == i.Id && c.Kind == SlaClockKind.Resolution && c.StoppedAt != null
                && (c.State == SlaClockState.Met || c.State == SlaClockState.Breached)).Select(c => c.ElapsedSeconds).FirstOrDefault(),
        }).ToListAsync(ct);
        var cancelled = await scope.Where(i => i.CancelledAt >= start && i.CancelledAt < end).CountAsync(ct);
        static TimeSpan? Seconds(int? s) => s is { } v ? TimeSpan.FromSeconds(v) : null;
        return (
            [.. responses.Select(x => new Interval(x.At - x.CreatedAt, Seconds(x.Business), x.Priority, x.AssignmentGroupId, x.ServiceId))],
            [.. resolutions.Select(x => new Interval(x.At - x.CreatedAt, Seconds(x.Business), x.Priority, x.AssignmentGroupId, x.ServiceId))],
            cancelled, resolutions.Count(x => x.ReopenCount > 0));
    }

    private static ReportFigure Minutes(ReportDefinition definition, string key, string title, TimeSpan? value, TimeSpan? previous, ReportSlice slice) =>
        new(key, title, ReportMath.Minutes(value), ReportMath.Minutes(previous), "minutes", definition.HowMeasured, slice);

    /// <summary>Names of teams, services and categories, for row labels and slice labels.</summary>
    internal sealed record ReportNames(IReadOnlyDictionary<int, string> Teams, IReadOnlyDictionary<int, string> Services, IReadOnlyDictionary<int, string> Categories)
    {
        public string? Of(string dimension, string id) => int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? dimension switch
        {
            "team" => Teams.GetValueOrDefault(n),
            "service" => Services.GetValueOrDefault(n),
            "category" => Categories.GetValueOrDefault(n),
            _ => null,
        } : null;
    }

    internal static async Task<ReportNames> NamesAsync(AppDbContext db, CancellationToken ct) => new(
        await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct),
        await db.Services.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct),
        await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct));

    private static (string Key, string Label) Dimension(string dimension, int? id, ReportNames names) => id is { } n
        ? ($"{dimension}:{n}", names.Of(dimension, n.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? $"{dimension} {n}")
        : ($"{dimension}:none", dimension == "team" ? "No team" : dimension == "service" ? "No service" : "No category");

    /// <summary>A slice in words, with team, service and category names: "Resolved, Network".</summary>
    public async Task<string> DescribeAsync(ReportSlice slice, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var names = await NamesAsync(db, ct);
        return slice.Label(names.Of);
    }
}
