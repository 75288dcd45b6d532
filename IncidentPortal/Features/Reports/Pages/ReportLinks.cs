using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages;
using IncidentPortal.Features.Time;

namespace IncidentPortal.Features.Reports.Pages;

/// <summary>The addresses the Reports page links to: itself for a filter, the queue for a figure's incidents.</summary>
public static class ReportLinks
{
    public static string Page(ReportFilter filter) => "reports?" + ReportUrl.ToQuery(filter);

    /// <summary>
    /// The queue showing exactly the incidents <paramref name="slice"/> counted, newest first. The days are written out
    /// (not "last 30 days") so the list does not move when it is opened tomorrow or shared.
    /// </summary>
    public static string DrillDown(ReportFilter filter, ReportSlice slice) => QueueUrl.For(new QueueQuery
    {
        Report = ReportUrl.ToQuery(filter with { Preset = ReportPreset.Custom }),
        Slice = slice.Format(),
        Sort = QueueSort.Created,
        Descending = true,
    });

    /// <summary>A drill-down's CSV: the queue export of the same list.</summary>
    public static string DrillDownCsv(ReportFilter filter, ReportSlice slice) => "queue/export.csv" + DrillDown(filter, slice)["queue".Length..];

    /// <summary>"Tue 1 Dec 2026 – Mon 7 Dec 2026", or one day.</summary>
    public static string Range(ReportFilter filter) =>
        filter.From == filter.To ? TimeText.Date(filter.From) : $"{TimeText.Date(filter.From)} – {TimeText.Date(filter.To)}";

    /// <summary>The filters in words ("Network · P1 · Monitoring alert"), from the names the page knows.</summary>
    public static IEnumerable<string> Filters(ReportFilter filter, QueueFilterOptions names)
    {
        if (filter.TeamId is { } team) yield return Name(names.Teams, team, "team");
        if (filter.ServiceId is { } service) yield return Name(names.Services, service, "service");
        if (filter.CategoryId is { } category) yield return Name(names.Categories, category, "category");
        if (filter.Priority is { } priority) yield return priority.ToString();
        if (filter.Source is { } source) yield return ReportFilter.Label(source);
    }

    /// <summary>A team, service or category id as its name, for <see cref="ReportSlice.Label"/>.</summary>
    public static string? NameOf(QueueFilterOptions names, string dimension, string value)
    {
        if (!int.TryParse(value, out var id)) return null;
        var list = dimension switch { "team" => names.Teams, "service" => names.Services, "category" => names.Categories, _ => null };
        return list?.FirstOrDefault(o => o.Id == id)?.Name;
    }

    private static string Name(IReadOnlyList<QueueOption> options, int id, string what) =>
        options.FirstOrDefault(o => o.Id == id)?.Name ?? $"{what} {id}";
}
