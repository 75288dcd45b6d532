using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Time;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Reports;

public sealed partial class ReportsService
{
    public async Task<VolumeReport> VolumeAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var scope = ReportQueries.Scope(db, filter).AsNoTracking();
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        var created = await scope.Where(i => i.CreatedAt >= start && i.CreatedAt < end).Select(i => i.CreatedAt).ToListAsync(ct);
        var resolved = await ReportQueries.Resolved(scope, start, end).Select(i => i.ResolvedAt!.Value).ToListAsync(ct);
        var cancelled = await scope.Where(i => i.CancelledAt >= start && i.CancelledAt < end).Select(i => i.CancelledAt!.Value).ToListAsync(ct);
        // Resolved in the range but reported before it, cancelled likewise: they leave the backlog inside the range.
        var openAtStart = await ReportQueries.OpenAt(scope, start).CountAsync(ct);
        var openCreated = await scope.Where(i => IncidentPortal.Features.Incidents.IncidentLifecycle.OpenStatuses.Contains(i.Status))
            .Select(i => i.CreatedAt).ToListAsync(ct);

        var periods = Periods(filter);
        var zone = filter.Zone;
        string Key(DateTime utc) => ReportDays.PeriodKey(ReportDays.LocalDay(utc, zone), filter.Grain);
        var createdBy = created.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count());
        var resolvedBy = resolved.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count());
        var cancelledBy = cancelled.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count());

        var points = new List<VolumePoint>();
        var backlog = new List<BacklogPoint>();
        var open = openAtStart;
        foreach (var (key, first) in periods)
        {
            var c = createdBy.GetValueOrDefault(key);
            var r = resolvedBy.GetValueOrDefault(key);
            open += c - r - cancelledBy.GetValueOrDefault(key);
            var label = filter.Grain == ReportGrain.Week ? $"Week of {TimeText.Date(first)}" : TimeText.Date(first);
            points.Add(new VolumePoint(key, label, c, r, ReportSlice.Of(ReportSlice.Kinds.Created, key), ReportSlice.Of(ReportSlice.Kinds.Resolved, key)));
            backlog.Add(new BacklogPoint(key, label, open, ReportSlice.Of(ReportSlice.Kinds.Backlog, key)));
        }

        var ages = ReportDefinitions.AgeBuckets.Select(b => new AgeBucketRow(b.Key, ReportDefinitions.AgeBucketLabel(b.Key),
            openCreated.Count(at => now - at >= b.From && (b.To is not { } to || now - at < to)), ReportSlice.Of(ReportSlice.Kinds.OpenAge, b.Key))).ToList();

        var previous = filter.PreviousPeriod();
        var (pStart, pEnd) = (previous.StartUtc, previous.EndUtc);
        var previousCreated = await scope.Where(i => i.CreatedAt >= pStart && i.CreatedAt < pEnd).CountAsync(ct);
        var previousResolved = await ReportQueries.Resolved(scope, pStart, pEnd).CountAsync(ct);
        IReadOnlyList<ReportFigure> headline =
        [
            Figure(ReportDefinitions.Created, created.Count, previousCreated, "count", ReportSlice.Of(ReportSlice.Kinds.Created)),
            Figure(ReportDefinitions.Resolved, resolved.Count, previousResolved, "count", ReportSlice.Of(ReportSlice.Kinds.Resolved)),
            Figure(ReportDefinitions.Backlog, open, openAtStart, "count", periods.Count > 0 ? ReportSlice.Of(ReportSlice.Kinds.Backlog, periods[^1].Key) : null),
        ];
        return new VolumeReport(filter, filter.Grain, headline, points, backlog, ages);
    }

    /// <summary>Each day (or ISO week) of the range in order, with its first day.</summary>
    internal static List<(string Key, DateOnly First)> Periods(ReportFilter filter)
    {
        var list = new List<(string, DateOnly)>();
        for (var day = filter.From; day <= filter.To; day = day.AddDays(1))
        {
            var key = ReportDays.PeriodKey(day, filter.Grain);
            if (list.Count == 0 || list[^1].Item1 != key) list.Add((key, filter.Grain == ReportGrain.Week ? ReportDays.WeekStart(day) : day));
        }
        return list;
    }

    private static ReportFigure Figure(ReportDefinition definition, double? value, double? previous, string unit, ReportSlice? slice) =>
        new(definition.Key, definition.Title, value, previous, unit, definition.HowMeasured, slice);
}
