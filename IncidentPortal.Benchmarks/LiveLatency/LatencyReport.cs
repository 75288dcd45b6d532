using System.Globalization;
using System.Text;

namespace IncidentPortal.Benchmarks.LiveLatency;

/// <summary>Delays from each 201 to the row on each page, their percentiles, and the (page, incident) pairs never shown.</summary>
internal sealed class LatencyReport
{
    private readonly List<(int Page, string Probe, double Delay)> delays = [];
    private readonly List<double> sorted = [];

    public int Missed { get; private set; }
    public int Expected { get; private set; }
    public double P50 => Percentile(50);
    public double P95 => Percentile(95);
    public double P99 => Percentile(99);

    public static LatencyReport From(IReadOnlyDictionary<string, double> created, IReadOnlyList<Dictionary<string, double>> seenByPage)
    {
        var report = new LatencyReport();
        for (var page = 0; page < seenByPage.Count; page++)
        {
            foreach (var (probe, at) in created)
            {
                report.Expected++;
                if (seenByPage[page].TryGetValue(probe, out var shown)) report.delays.Add((page, probe, shown - at));
                else report.Missed++;
            }
        }
        report.sorted.AddRange(report.delays.Select(d => d.Delay).Order());
        return report;
    }

    /// <summary>Nearest-rank percentile of every (page, incident) delay.</summary>
    public double Percentile(double p)
    {
        if (sorted.Count == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public IEnumerable<string> Lines() =>
        delays.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Page}\t{d.Probe}\t{d.Delay:0.0}"));

    public string ToMarkdown(string path, int pages, double rate, double seconds, int failed, int lost, string load)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"Live latency of {path}: {pages} open pages, {rate:0.#} incidents/s for {seconds:0} s through the API, "
            + $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {load}");
        text.AppendLine();
        text.AppendLine("| rows expected (pages × 201s) | shown | missed | API failures | pages lost | p50 | p95 | p99 | max |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        text.AppendLine(inv, $"| {Expected} | {delays.Count} | {Missed} | {failed} | {lost} | {P50:0} ms | **{P95:0} ms** | {P99:0} ms | "
            + $"{(sorted.Count == 0 ? double.NaN : sorted[^1]):0} ms |");
        text.AppendLine();
        text.AppendLine("Per page (p50 / p95 / max, ms): " + string.Join(", ", delays.GroupBy(d => d.Page).OrderBy(g => g.Key).Select(g =>
        {
            var d = g.Select(x => x.Delay).Order().ToList();
            return string.Create(inv, $"{d[(d.Count - 1) / 2]:0}/{d[Math.Max(0, (int)Math.Ceiling(0.95 * d.Count) - 1)]:0}/{d[^1]:0}");
        })));
        return text.ToString();
    }
}
