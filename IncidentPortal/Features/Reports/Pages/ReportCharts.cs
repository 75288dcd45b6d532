using System.Globalization;
using IncidentPortal.Features.Time;
using IncidentPortal.Infrastructure.Text;

namespace IncidentPortal.Features.Reports.Pages;

/// <summary>The section results (ReportsService) as charts: every bar carries its figure in words and its drill-down.</summary>
public static class ReportCharts
{
    public static ReportChart CreatedResolved(VolumeReport report) => new(
        report.Grain == ReportGrain.Week ? "Created and resolved per week" : "Created and resolved per day",
        report.Grain == ReportGrain.Week ? "Week of" : "Day",
        [.. report.CreatedResolved.Select(p => p.Label)],
        [
            new("Created", [.. report.CreatedResolved.Select(p => Count(p.Created, report.Filter, p.CreatedSlice))]),
            new("Resolved", [.. report.CreatedResolved.Select(p => Count(p.Resolved, report.Filter, p.ResolvedSlice))]),
        ],
        AxisLabels: [.. report.CreatedResolved.Select(p => AxisLabel(p.Period))]);

    public static ReportChart Backlog(VolumeReport report) => new(
        report.Grain == ReportGrain.Week ? "Backlog at the end of each week" : "Backlog at the end of each day",
        report.Grain == ReportGrain.Week ? "Week of" : "Day",
        [.. report.Backlog.Select(p => p.Label)],
        [new("Open", [.. report.Backlog.Select(p => Count(p.Open, report.Filter, p.Slice, "open incident"))])],
        AxisLabels: [.. report.Backlog.Select(p => AxisLabel(p.Period))]);

    public static ReportChart OpenByAge(VolumeReport report) => new(
        "Open now, by age", "Age",
        [.. report.OpenByAge.Select(a => a.Label)],
        [new("Open", [.. report.OpenByAge.Select(a => Count(a.Count, report.Filter, a.Slice, "open incident"))])]);

    /// <summary>Median time to resolve per row (calendar time), each bar drilling to the incidents resolved.</summary>
    public static ReportChart ResolveTimes(string title, string categoryName, IReadOnlyList<SpeedRow> rows, ReportFilter filter) => new(
        title, categoryName,
        [.. rows.Select(r => r.Label)],
        [
            new("Median", [.. rows.Select(r => Duration(r.Resolution.Median, filter, r.ResolutionSlice))]),
            new("90th percentile", [.. rows.Select(r => Duration(r.Resolution.P90, filter, r.ResolutionSlice))]),
        ]);

    public static ReportChart Compliance(string title, string categoryName, IReadOnlyList<SlaRow> rows, ReportFilter filter) => new(
        title, categoryName,
        [.. rows.Select(r => r.Label)],
        [
            new("Response", [.. rows.Select(r => Percent(r.Response, filter))]),
            new("Resolution", [.. rows.Select(r => Percent(r.Resolution, filter))]),
        ]);

    public static ReportChartPoint Count(int count, ReportFilter filter, ReportSlice slice, string noun = "incident") =>
        new(count, Plural.Count(count, noun), ReportLinks.DrillDown(filter, slice));

    public static ReportChartPoint Duration(TimeSpan? span, ReportFilter filter, ReportSlice slice) => span is { } value
        ? new(value.TotalMinutes, TimeText.Duration(value), ReportLinks.DrillDown(filter, slice))
        : new(0, "—", null);

    public static ReportChartPoint Percent(SlaCompliance compliance, ReportFilter filter) => compliance.Percent is { } percent
        ? new(percent, $"{percent.ToString("0.#", CultureInfo.InvariantCulture)} % ({compliance.Met} of {compliance.Measured} met)",
            ReportLinks.DrillDown(filter, compliance.MeasuredSlice))
        : new(0, "nothing measured", null);

    /// <summary>"1 Dec" for a day key, "30 Nov" (the Monday) for a week key.</summary>
    public static string AxisLabel(string period) =>
        ReportDays.TryParseDay(period, out var day) ? day.ToString("d MMM", CultureInfo.InvariantCulture)
        : ReportDays.TryParseWeek(period, out var monday) ? monday.ToString("d MMM", CultureInfo.InvariantCulture)
        : period;
}
