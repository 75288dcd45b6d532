using System.Globalization;
using IncidentPortal.Features.Time;

namespace IncidentPortal.Features.Reports.Pages;

/// <summary>How a headline figure and its trend read: "2 h 5 min", "92.5 %", "▲ 12 % vs previous 30 days".</summary>
public static class FigureText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Figures (by key or key prefix: "sla-response-p1") where a rise is good news; for the rest (times,
    /// backlog, reopens, noise) a fall is.</summary>
    private static readonly string[] HigherIsBetter = ["resolved", "first-contact", "sla-", "major-reviewed", "action-items"];

    /// <summary>Figures that are neither good nor bad when they move (how many came in).</summary>
    private static readonly HashSet<string> Neutral = new(StringComparer.Ordinal) { "created", "cancelled", "major" };

    public static string Value(double? value, string unit) => value is not { } v ? "—" : unit switch
    {
        "percent" => v.ToString("0.#", Invariant) + " %",
        "minutes" => TimeText.Duration(TimeSpan.FromMinutes(v)),
        "ratio" => v.ToString("0.##", Invariant),
        _ => v.ToString("N0", Invariant),
    };

    /// <summary>"▲ 12 %" (or "▲ 2.1 pts" for a percentage), "no change", or null without both values.</summary>
    public static string? Change(ReportFigure figure)
    {
        if (figure.Value is not { } now || figure.Previous is not { } before) return null;
        var delta = now - before;
        if (Math.Abs(delta) < 1e-9) return "no change";
        var arrow = delta > 0 ? "▲" : "▼";
        if (figure.Unit == "percent") return $"{arrow} {Math.Abs(delta).ToString("0.#", Invariant)} pts";
        if (before == 0) return $"{arrow} from 0";
        return $"{arrow} {Math.Abs(delta / before * 100).ToString("0", Invariant)} %";
    }

    /// <summary>Whether the change is good (true), bad (false) or neither (null), for its colour and its spoken word.</summary>
    public static bool? IsGood(ReportFigure figure)
    {
        if (figure.Change is not { } delta || Math.Abs(delta) < 1e-9 || Neutral.Contains(figure.Key)) return null;
        return delta > 0 == HigherIsBetter.Any(k => figure.Key.StartsWith(k, StringComparison.Ordinal));
    }

    public static string Versus(ReportFilter filter) => $"vs previous {Infrastructure.Text.Plural.Count(filter.Days, "day")}";
}
