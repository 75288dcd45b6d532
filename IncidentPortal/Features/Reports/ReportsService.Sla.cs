using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Sla;
using IncidentPortal.Features.Time;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Reports;

public sealed partial class ReportsService
{
    /// <summary>At most this many breaches are listed (newest first); <see cref="SlaReport.BreachesTotal"/> counts them all.</summary>
    public const int MaxBreachRows = 200;

    public async Task<SlaReport> SlaAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var names = await NamesAsync(db, ct);
        var current = await VerdictsAsync(db, filter, ct);
        var previous = await VerdictsAsync(db, filter.PreviousPeriod(), ct);

        SlaCompliance Compliance(IEnumerable<(SlaClockKind Kind, bool Met, Priority Priority, int? TeamId)> rows, SlaClockKind kind, string key)
        {
            var list = rows.Where(r => r.Kind == kind).ToList();
            var clock = kind == SlaClockKind.Response ? "response" : "resolution";
            var suffix = key == ReportSlice.AllKey ? clock : $"{clock}:{key}";
            return new SlaCompliance(list.Count(r => r.Met), list.Count(r => !r.Met),
                ReportSlice.Of(ReportSlice.Kinds.SlaMeasured, suffix), ReportSlice.Of(ReportSlice.Kinds.SlaMissed, suffix));
        }
        SlaRow Row(string key, string label, Func<(SlaClockKind Kind, bool Met, Priority Priority, int? TeamId), bool> where) =>
            new(key, label, Compliance(current.Where(where), SlaClockKind.Response, key), Compliance(current.Where(where), SlaClockKind.Resolution, key));

        var response = Compliance(current, SlaClockKind.Response, ReportSlice.AllKey);
        var resolution = Compliance(current, SlaClockKind.Resolution, ReportSlice.AllKey);
        var pResponse = Compliance(previous, SlaClockKind.Response, ReportSlice.AllKey);
        var pResolution = Compliance(previous, SlaClockKind.Resolution, ReportSlice.AllKey);

        var (start, end) = (filter.StartUtc, filter.EndUtc);
        var scope = ReportQueries.Scope(db, filter);
        var breached = ReportQueries.BreachedAny(db, start, end, now).AsNoTracking()
            .Join(scope, c => c.IncidentId, i => i.Id, (c, i) => new
            {
                i.Id, i.Number, i.Title, i.Priority, i.AssignmentGroupId, c.Kind, c.DueAt, c.TargetMinutes, c.ElapsedSeconds, c.State, c.StoppedAt,
                c.PausedFor, Policy = db.SlaPolicies.Where(p => p.Id == c.PolicyId).Select(p => p.Name).FirstOrDefault(),
            });
        var total = await breached.CountAsync(ct);
        var rows = await breached.OrderByDescending(b => b.StoppedAt ?? b.DueAt).ThenByDescending(b => b.Id).Take(MaxBreachRows).ToListAsync(ct);
        var breaches = rows.Select(b =>
        {
            var target = TimeSpan.FromMinutes(b.TargetMinutes);
            var elapsed = TimeSpan.FromSeconds(b.ElapsedSeconds ?? 0);
            return new SlaBreachRow(b.Id, Incident.FormatReference(b.Number), b.Title, b.Priority,
                b.AssignmentGroupId is { } t ? names.Teams.GetValueOrDefault(t) : null, b.Kind, b.DueAt, target, elapsed, b.State,
                BreachReason(b.Kind, target, elapsed, b.DueAt, b.StoppedAt, b.PausedFor, b.Policy));
        }).ToList();

        IReadOnlyList<ReportFigure> headline =
        [
            new(ReportDefinitions.SlaResponse.Key, ReportDefinitions.SlaResponse.Title, response.Percent, pResponse.Percent, "percent",
                ReportDefinitions.SlaResponse.HowMeasured, response.MeasuredSlice),
            new(ReportDefinitions.SlaResolution.Key, ReportDefinitions.SlaResolution.Title, resolution.Percent, pResolution.Percent, "percent",
                ReportDefinitions.SlaResolution.HowMeasured, resolution.MeasuredSlice),
            new(ReportDefinitions.SlaBreaches.Key, ReportDefinitions.SlaBreaches.Title, total, null, "count", ReportDefinitions.SlaBreaches.HowMeasured, null),
        ];
        // Rows are matched to a team by id, not by describing each row's team again for every team row.
        var teams = current.Select(c => c.TeamId).Distinct().Select(t => (Id: t, Name: Dimension("team", t, names)))
            .OrderBy(t => t.Name.Label, StringComparer.OrdinalIgnoreCase);
        return new SlaReport(filter, headline,
            [.. Enum.GetValues<Priority>().Where(p => current.Any(c => c.Priority == p)).Select(p => Row($"priority:{p}", p.ToString(), c => c.Priority == p))],
            [.. teams.Select(t => Row(t.Name.Key, t.Name.Label, c => c.TeamId == t.Id))],
            breaches, total);
    }

    private static async Task<List<(SlaClockKind Kind, bool Met, Priority Priority, int? TeamId)>> VerdictsAsync(
        Infrastructure.Data.AppDbContext db, ReportFilter filter, CancellationToken ct)
    {
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        var scope = ReportQueries.Scope(db, filter);
        var list = new List<(SlaClockKind, bool, Priority, int?)>();
        foreach (var kind in new[] { SlaClockKind.Response, SlaClockKind.Resolution })
        {
            var rows = await ReportQueries.Measured(db, kind, start, end).Join(scope, c => c.IncidentId, i => i.Id,
                (c, i) => new { c.State, i.Priority, i.AssignmentGroupId }).ToListAsync(ct);
            list.AddRange(rows.Select(r => (kind, r.State == SlaClockState.Met, r.Priority, r.AssignmentGroupId)));
        }
        return list;
    }

    internal static string BreachReason(SlaClockKind kind, TimeSpan target, TimeSpan elapsed, DateTime? dueAt, DateTime? stoppedAt,
        OnHoldReason? pausedFor, string? policy)
    {
        var what = kind == SlaClockKind.Response ? "Response" : "Resolution";
        var on = policy is null ? "" : $" ({policy})";
        var due = dueAt is { } d ? $", due {TimeText.Utc(d)}" : "";
        if (stoppedAt is not null)
            return $"{what} target {TimeText.Duration(target)} exceeded: {TimeText.Duration(elapsed)} of business time counted{due}{on}";
        if (pausedFor is { } hold)
            return $"{what} target {TimeText.Duration(target)} exceeded{due}; now paused ({IncidentText.Label(hold)}){on}";
        return $"{what} target {TimeText.Duration(target)} exceeded{due}; clock still running{on}";
    }
}
