using System.Globalization;
using System.Text.RegularExpressions;

namespace IncidentPortal.Features.Reviews;

/// <summary>A timeline entry as the author edits it; <see cref="At"/> is UTC, null for an entry without a time.</summary>
public sealed record ReviewTimelineEntry(DateTime? At, string Text);

/// <summary>
/// The timeline section is stored as Markdown, one list item per entry ("- **2026-11-23 10:42 UTC** — text"), so it
/// versions, diffs, prints and exports like every other section, and the entry editor can read it back.
/// </summary>
public static partial class TimelineMarkdown
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm";

    public static string Format(IEnumerable<ReviewTimelineEntry> entries) => string.Join('\n', entries
        .Where(e => !string.IsNullOrWhiteSpace(e.Text))
        .OrderBy(e => e.At ?? DateTime.MaxValue)
        .Select(e => e.At is { } at ? $"- **{Time(at)} UTC** — {Line(e.Text)}" : $"- {Line(e.Text)}"));

    public static IReadOnlyList<ReviewTimelineEntry> Parse(string body)
    {
        var entries = new List<ReviewTimelineEntry>();
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var match = EntryPattern().Match(line);
            if (match.Success && DateTime.TryParseExact(match.Groups["at"].Value, TimeFormat, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
                entries.Add(new ReviewTimelineEntry(at, match.Groups["text"].Value.Trim()));
            else
                entries.Add(new ReviewTimelineEntry(null, line.StartsWith("- ", StringComparison.Ordinal) ? line[2..].Trim() : line));
        }
        return entries;
    }

    public static string Time(DateTime at) => at.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Whether the timeline already has an entry like this one (same minute, same text).</summary>
    public static bool Contains(IEnumerable<ReviewTimelineEntry> entries, DraftedEntry drafted) =>
        entries.Any(e => e.At is { } at && Time(at) == Time(drafted.At) && e.Text == Line(drafted.Text));

    private static string Line(string text) => string.Join(' ', text.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    [GeneratedRegex(@"^- \*\*(?<at>\d{4}-\d{2}-\d{2} \d{2}:\d{2}) UTC\*\* — (?<text>.*)$")]
    private static partial Regex EntryPattern();
}
