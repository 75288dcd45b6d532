using System.Globalization;

namespace IncidentPortal.Features.Time;

/// <summary>What a wall-clock time someone typed means in their zone.</summary>
public enum WallClockKind
{
    /// <summary>The time happens once.</summary>
    Exact,

    /// <summary>The clocks go back over it, so it happens twice; the first occurrence is used.</summary>
    Ambiguous,

    /// <summary>The clocks jump over it (the spring-forward gap): it never happens.</summary>
    Skipped,
}

/// <summary>A typed wall-clock time as a UTC moment (null when it does not exist), with what to tell the person.</summary>
public sealed record WallClockTime(DateTime? Utc, WallClockKind Kind, string? Message);

/// <summary>
/// Turns times people type in their own zone into the UTC the portal stores, and back. A time inside a spring-forward
/// gap is refused with a message naming the first valid time; a time the clocks pass twice takes its first occurrence
/// and says so (as calendar products do).
/// </summary>
public static class WallClock
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The wall-clock time in <paramref name="zone"/> for a stored UTC moment, for an input to show.</summary>
    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) => TimeText.ToZone(utc, zone).Local;

    public static WallClockTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return new(null, WallClockKind.Skipped,
                $"{Clock(local)} does not exist on {Day(local)} in {Name(zone)}: the clocks go forward. Choose {Clock(FirstAfterGap(local, zone))} or later.");
        }
        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the one in force before the clocks go back: the earlier, first occurrence.
            var first = zone.GetAmbiguousTimeOffsets(local).Max();
            var utc = DateTime.SpecifyKind(local - first, DateTimeKind.Utc);
            return new(utc, WallClockKind.Ambiguous,
                $"{Clock(local)} happens twice on {Day(local)} (the clocks go back); the first one ({TimeText.OffsetName(first)}) is used.");
        }
        return new(DateTime.SpecifyKind(local - zone.GetUtcOffset(local), DateTimeKind.Utc), WallClockKind.Exact, null);
    }

    /// <summary>"UTC" for UTC, the zone's id otherwise ("Europe/Paris"): what an input's label names.</summary>
    public static string Name(TimeZoneInfo zone) => zone == TimeZoneInfo.Utc || zone.Id is "UTC" or "Etc/UTC" ? "UTC" : zone.Id;

    /// <summary>The note under an input: the zone's offset at that time and the UTC moment stored ("UTC+1 · 19:00 UTC").</summary>
    public static string? Note(WallClockTime time, TimeZoneInfo zone)
    {
        if (time.Kind == WallClockKind.Skipped || time.Utc is not { } utc) return null;
        if (time.Kind == WallClockKind.Ambiguous) return time.Message;
        if (Name(zone) == "UTC") return null;
        return $"{TimeText.OffsetName(zone.GetUtcOffset(utc))}, that is {TimeText.Utc(utc)}";
    }

    private static DateTime FirstAfterGap(DateTime local, TimeZoneInfo zone)
    {
        // Gaps last minutes to hours (Lord Howe's is 30 minutes); the first valid minute after one ends it.
        var at = local.AddSeconds(-local.Second);
        for (var i = 0; i < 24 * 60 && zone.IsInvalidTime(at); i++) at = at.AddMinutes(1);
        return at;
    }

    private static string Clock(DateTime local) => local.ToString(local.Second == 0 ? "HH:mm" : "HH:mm:ss", Invariant);

    private static string Day(DateTime local) => TimeText.Date(DateOnly.FromDateTime(local));
}
