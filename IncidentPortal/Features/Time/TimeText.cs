using System.Globalization;
using System.Text.RegularExpressions;

namespace IncidentPortal.Features.Time;

/// <summary>
/// The one way the portal writes times: <see cref="Absolute"/> for a moment ("Sun 6 Dec 2026, 22:39 UTC+1", in the
/// reader's zone, the offset always named so a forwarded e-mail stays unambiguous) and <see cref="Duration"/> for a
/// span ("3 h 12 min"), with <see cref="Relative"/> built from it ("in 3 h 12 min", "5 min ago").
/// </summary>
public static partial class TimeText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Absolute(DateTime utc, TimeZoneInfo zone)
    {
        var (local, offset) = ToZone(utc, zone);
        return local.ToString("ddd d MMM yyyy, HH:mm", Invariant) + " " + OffsetName(offset);
    }

    /// <summary>The exact UTC moment, for hover titles next to a local time.</summary>
    public static string Utc(DateTime utc) => Absolute(utc, TimeZoneInfo.Utc);

    /// <summary>A calendar date with no time of day (action item due dates): the same in every zone.</summary>
    public static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", Invariant);

    /// <summary>"UTC", "UTC+1", "UTC−5", "UTC+5:30".</summary>
    public static string OffsetName(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero) return "UTC";
        var sign = offset < TimeSpan.Zero ? "−" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0 ? $"UTC{sign}{abs.Hours}" : $"UTC{sign}{abs.Hours}:{abs.Minutes:D2}";
    }

    /// <summary>Two units at most, largest first: "under a minute", "45 min", "3 h 12 min", "4 d 15 h".</summary>
    public static string Duration(TimeSpan span)
    {
        span = span.Duration();
        if (span.TotalMinutes < 1) return "under a minute";
        if (span.TotalHours < 1) return $"{(int)span.TotalMinutes} min";
        if (span.TotalDays < 1) return span.Minutes == 0 ? $"{(int)span.TotalHours} h" : $"{(int)span.TotalHours} h {span.Minutes} min";
        return span.Hours == 0 ? $"{(int)span.TotalDays} d" : $"{(int)span.TotalDays} d {span.Hours} h";
    }

    /// <summary>"in 3 h 12 min" for the future, "3 h 12 min ago" for the past, "just now" within a minute.</summary>
    public static string Relative(DateTime utc, DateTime nowUtc)
    {
        var delta = utc - nowUtc;
        if (delta.Duration() < TimeSpan.FromMinutes(1)) return "just now";
        return delta > TimeSpan.Zero ? $"in {Duration(delta)}" : $"{Duration(delta)} ago";
    }

    public static (DateTime Local, TimeSpan Offset) ToZone(DateTime utc, TimeZoneInfo zone)
    {
        var value = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var offset = zone.GetUtcOffset(value);
        return (DateTime.SpecifyKind(value + offset, DateTimeKind.Unspecified), offset);
    }

    /// <summary>
    /// A moment inside stored or queued text (notifications, e-mails) that is written out in each reader's zone when
    /// they read it: <see cref="Localize"/> replaces it. Text never localized still reads as an ISO UTC time.
    /// </summary>
    public static string Stamp(DateTime utc) =>
        "[[" + DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant) + "]]";

    public static string Localize(string text, TimeZoneInfo zone) => !text.Contains("[[", StringComparison.Ordinal) ? text
        : StampPattern().Replace(text, m => DateTime.TryParseExact(m.Groups[1].Value, "yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? Absolute(at, zone) : m.Value);

    [GeneratedRegex(@"\[\[(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)\]\]")]
    private static partial Regex StampPattern();
}
