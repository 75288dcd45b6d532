namespace IncidentPortal.Features.Sla;

/// <summary>
/// Pure arithmetic over a <see cref="BusinessCalendar"/>: all inputs and outputs are UTC instants; the calendar's
/// periods are wall-clock times in its zone, converted per local date so DST switches are honoured (the day clocks go
/// forward has an hour less to count, the day they go back an hour more).
/// Wall-clock times that do not exist (inside a spring-forward gap) mean the first instant after the gap; ambiguous
/// ones (inside a fall-back overlap) mean their first occurrence.
/// </summary>
public static class BusinessHours
{
    /// <summary>How far ahead we look for working time before deciding a calendar never opens (e.g. every day a holiday).</summary>
    private const int HorizonDays = 3 * 366;
    internal static readonly TimeSpan Horizon = TimeSpan.FromDays(HorizonDays);
    /// <summary>Answers within this much of the start are inside every walk's horizon, so the cache may give them.</summary>
    private static readonly TimeSpan CacheReach = TimeSpan.FromDays(HorizonDays - 4);
    private static readonly AsyncLocal<bool> WalkOnly = new();

    /// <summary>For tests: inside the scope, Add and Elapsed walk the calendar day by day (the reference the cache must match).</summary>
    internal static IDisposable WalkingOnly()
    {
        var before = WalkOnly.Value;
        WalkOnly.Value = true;
        return new Restore(() => WalkOnly.Value = before);
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    public static bool IsOpen(BusinessCalendar calendar, DateTime utc)
    {
        if (calendar.Kind == CalendarKind.AlwaysOpen) return true;
        utc = Utc(utc);
        foreach (var (start, end) in OpenIntervals(calendar, utc.AddDays(-2)))
        {
            if (start > utc) return false;
            if (end > utc) return true;
        }
        return false;
    }

    /// <summary>The instant the calendar is next open: <paramref name="utc"/> itself when open now.</summary>
    public static DateTime NextOpen(BusinessCalendar calendar, DateTime utc)
    {
        utc = Utc(utc);
        if (calendar.Kind == CalendarKind.AlwaysOpen) return utc;
        foreach (var (start, end) in OpenIntervals(calendar, utc.AddDays(-2)))
            if (end > utc) return start > utc ? start : utc;
        throw NeverOpen(calendar);
    }

    /// <summary>The instant when <paramref name="duration"/> of working time has passed after <paramref name="startUtc"/>: a due time.</summary>
    public static DateTime Add(BusinessCalendar calendar, DateTime startUtc, TimeSpan duration)
    {
        startUtc = Utc(startUtc);
        if (duration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), "Durations are not negative.");
        if (calendar.Kind == CalendarKind.AlwaysOpen || duration == TimeSpan.Zero) return startUtc + duration;
        if (!WalkOnly.Value && startUtc < DateTime.MaxValue - CacheReach)
        {
            // Beyond the cache, or too far out for the walk's horizon: the walk decides (and says when it never opens).
            var cache = calendar.IntervalsCovering(startUtc, startUtc + duration);
            for (var tries = 0; cache is not null && tries < 8; tries++)
            {
                if (cache.Add(startUtc, duration) is { } due) return due <= startUtc + CacheReach ? due : AddByWalking(calendar, startUtc, duration);
                if (cache.ValidUntil >= startUtc + CacheReach) break;
                var further = cache.ValidUntil + TimeSpan.FromDays(Math.Max(30, (cache.ValidUntil - startUtc).TotalDays));
                cache = calendar.IntervalsCovering(startUtc, further < startUtc + CacheReach ? further : startUtc + CacheReach);
            }
        }
        return AddByWalking(calendar, startUtc, duration);
    }

    private static DateTime AddByWalking(BusinessCalendar calendar, DateTime startUtc, TimeSpan duration)
    {
        var left = duration;
        foreach (var (start, end) in OpenIntervals(calendar, startUtc.AddDays(-2)))
        {
            if (end <= startUtc) continue;
            var from = start > startUtc ? start : startUtc;
            var available = end - from;
            if (available >= left) return from + left;
            left -= available;
        }
        throw NeverOpen(calendar);
    }

    /// <summary>Working time between two instants (zero when <paramref name="toUtc"/> is not after <paramref name="fromUtc"/>).</summary>
    public static TimeSpan Elapsed(BusinessCalendar calendar, DateTime fromUtc, DateTime toUtc)
    {
        fromUtc = Utc(fromUtc);
        toUtc = Utc(toUtc);
        if (toUtc <= fromUtc) return TimeSpan.Zero;
        if (calendar.Kind == CalendarKind.AlwaysOpen) return toUtc - fromUtc;
        if (!WalkOnly.Value && toUtc - fromUtc <= CacheReach && calendar.IntervalsCovering(fromUtc, toUtc) is { } cache)
            return cache.Elapsed(fromUtc, toUtc);
        var total = TimeSpan.Zero;
        foreach (var (start, end) in OpenIntervals(calendar, fromUtc.AddDays(-2)))
        {
            if (start >= toUtc) break;
            var from = start > fromUtc ? start : fromUtc;
            var to = end < toUtc ? end : toUtc;
            if (to > from) total += to - from;
        }
        return total;
    }

    /// <summary>
    /// The calendar's open intervals in UTC, in order and merged (a night shift running into the next day's early
    /// shift is one interval), starting with the local date of <paramref name="fromUtc"/>; ends after the horizon.
    /// </summary>
    public static IEnumerable<(DateTime Start, DateTime End)> OpenIntervals(BusinessCalendar calendar, DateTime fromUtc)
    {
        if (calendar.Kind == CalendarKind.AlwaysOpen)
        {
            yield return (Utc(fromUtc), DateTime.MaxValue);
            yield break;
        }
        var zone = calendar.Zone;
        var byDay = calendar.Periods.GroupBy(p => p.Day).ToDictionary(g => g.Key, g => g.OrderBy(p => p.StartMinute).ToArray());
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Utc(fromUtc), zone));
        var pending = new List<(DateTime Start, DateTime End)>();
        (DateTime Start, DateTime End)? current = null;
        for (var i = 0; i < HorizonDays; i++, date = date.AddDays(1))
        {
            if (!calendar.IsHoliday(date) && byDay.TryGetValue(date.DayOfWeek, out var periods))
                foreach (var period in periods)
                {
                    var start = ToUtc(zone, date, period.StartMinute);
                    var end = ToUtc(zone, period.SpansMidnight ? date.AddDays(1) : date, period.SpansMidnight ? period.EndMinute : period.EndMinute);
                    if (end > start) pending.Add((start, end));
                }
            // Nothing from a later date starts before that date's local midnight, so everything earlier is final.
            var nextMidnight = ToUtc(zone, date.AddDays(1), 0);
            pending.Sort((a, b) => a.Start.CompareTo(b.Start));
            var ready = pending.TakeWhile(p => p.Start < nextMidnight).ToList();
            pending.RemoveRange(0, ready.Count);
            foreach (var interval in ready)
            {
                if (current is { } open && interval.Start <= open.End)
                {
                    current = (open.Start, interval.End > open.End ? interval.End : open.End);
                    continue;
                }
                if (current is { } done) yield return done;
                current = interval;
            }
            // An interval that ended before the next midnight cannot grow any more.
            if (current is { } closed && closed.End < nextMidnight)
            {
                yield return closed;
                current = null;
            }
        }
        if (current is { } last) yield return last;
    }

    /// <summary>Local wall-clock minute on a date → UTC, resolving DST gaps forward and overlaps to the first occurrence.</summary>
    internal static DateTime ToUtc(TimeZoneInfo zone, DateOnly date, int minuteOfDay)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).AddMinutes(minuteOfDay);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return DateTime.SpecifyKind(local - offsets.Max(), DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value.ToUniversalTime(),
    };

    private static InvalidOperationException NeverOpen(BusinessCalendar calendar) =>
        new($"Calendar '{calendar.Name}' has no working time in the next {HorizonDays} days.");
}
