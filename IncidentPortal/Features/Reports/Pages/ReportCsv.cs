using System.Globalization;
using System.Text;
using IncidentPortal.Features.Incidents.Export;

namespace IncidentPortal.Features.Reports.Pages;

/// <summary>
/// A table of figures as a CSV download built from exactly what the page shows (a data: address, so it needs no second
/// query). Cells people typed (service, team, alert names) are neutralised as in the queue export, so a spreadsheet never
/// reads them as formulas. The incident lists behind the figures download through the queue export (drill-down).
/// </summary>
public static class ReportCsv
{
    public static string DataUri(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows) Line(text, row);
        return "data:text/csv;charset=utf-8," + Uri.EscapeDataString("\uFEFF" + text);
    }

    /// <summary>A chart's figures: a row per category, a column per series, numbers as numbers.</summary>
    public static string DataUri(ReportChart chart) => DataUri(
        [chart.CategoryName, .. chart.Series.Select(s => s.Name)],
        chart.Categories.Select((category, i) => (IReadOnlyList<string?>)[category, .. chart.Series.Select(s => i < s.Points.Count ? Number(s.Points[i]) : "")]));

    public static string FileName(string title) =>
        string.Concat(title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-') + ".csv";

    /// <summary>Counts and percentages as numbers; durations as minutes; "—" (nothing measured) as empty.</summary>
    private static string Number(ReportChartPoint point) =>
        point.ValueText is "—" or "nothing measured" ? "" : point.Value.ToString("0.##", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, IReadOnlyList<string?> cells)
    {
        text.Append(string.Join(",", cells.Select(c => Quote(QueueCsv.Neutralise(c)))));
        text.Append("\r\n");
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
