namespace IncidentPortal.Features.Reports;

/// <summary>Percentiles by the nearest-rank method: the value at position ⌈p × n⌉ (1-based) of the sorted values, so every
/// reported time is one an incident actually took (a median of 4 values is the 2nd).</summary>
public static class ReportMath
{
    public static DurationStats Stats(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Order().ToList();
        return sorted.Count == 0 ? DurationStats.Empty : new DurationStats(sorted.Count, Rank(sorted, 0.5), Rank(sorted, 0.9));
    }

    public static TimeSpan Rank(IReadOnlyList<TimeSpan> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static double? Minutes(TimeSpan? span) => span is { } s ? Math.Round(s.TotalMinutes, 1) : null;

    public static double? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);

    public static double? Ratio(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 2);
}
