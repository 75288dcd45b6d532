namespace IncidentPortal.Features.Reports.Pages;

/// <summary>One bar (or stacked segment): its value, how it reads, and where it drills to (the queue showing those incidents).</summary>
/// <param name="Href">The drill-down address; null when there is nothing to drill into (a zero, a mean).</param>
public sealed record ReportChartPoint(double Value, string ValueText, string? Href);

/// <summary>A named series with one point per category, in category order.</summary>
public sealed record ReportChartSeries(string Name, IReadOnlyList<ReportChartPoint> Points);

/// <summary>
/// What a report chart draws and what its "Show as table" toggle lists: categories along the bottom (days, weeks,
/// priorities, age buckets), one or more series, side by side or stacked.
/// </summary>
/// <param name="Title">The chart's accessible name and the table's caption.</param>
/// <param name="CategoryName">The table's first column ("Week", "Priority").</param>
/// <param name="AxisLabels">Shorter names for the axis ("1 Dec" for "Tue 1 Dec 2026"); the categories themselves otherwise.</param>
public sealed record ReportChart(string Title, string CategoryName, IReadOnlyList<string> Categories, IReadOnlyList<ReportChartSeries> Series,
    bool Stacked = false, IReadOnlyList<string>? AxisLabels = null)
{
    public string AxisLabel(int index) => AxisLabels is { } shorter && index < shorter.Count ? shorter[index] : Categories[index];

    public bool IsEmpty => Categories.Count == 0 || Series.All(s => s.Points.All(p => p.Value == 0));

    /// <summary>The top of the value axis: the largest bar or stack, rounded up to a readable step (1, 2, 2.5 or 5 × 10ⁿ).</summary>
    public double AxisMax()
    {
        var max = 0d;
        for (var i = 0; i < Categories.Count; i++)
        {
            var values = Series.Select(s => i < s.Points.Count ? Math.Max(0, s.Points[i].Value) : 0).ToList();
            max = Math.Max(max, Stacked ? values.Sum() : values.DefaultIfEmpty(0).Max());
        }
        return NiceCeiling(max);
    }

    public static double NiceCeiling(double value)
    {
        if (value <= 0) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in (double[])[1, 2, 2.5, 5, 10])
        {
            if (value <= step * power + 1e-9) return step * power;
        }
        return 10 * power;
    }

    /// <summary>Every nth category is labelled on the axis so labels never overlap (the table and each bar's name carry all of them).</summary>
    public int LabelEvery(int room = 8) => Math.Max(1, (int)Math.Ceiling(Categories.Count / (double)room));
}
