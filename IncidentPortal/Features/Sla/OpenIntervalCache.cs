namespace IncidentPortal.Features.Sla;

/// <summary>
/// A calendar's merged open intervals over a window of UTC time, with the running total of open time before each, so
/// <see cref="BusinessHours.Elapsed"/> and <see cref="BusinessHours.Add"/> are two binary searches instead of a walk
/// over every day since the incident was reported (recomputing 100,000 old open incidents walked years of calendar).
/// Built from <see cref="BusinessHours.OpenIntervals"/> itself, so it holds exactly the intervals the walk yields;
/// immutable, so a calendar shared by threads can swap in a wider one without locks.
/// </summary>
internal sealed class OpenIntervalCache
{
    /// <summary>Room the walk needs before a window: periods of the day before can run past midnight into it.</summary>
    private static readonly TimeSpan LeadIn = TimeSpan.FromDays(3);
    private static readonly TimeSpan Margin = TimeSpan.FromDays(120);

    private readonly long[] starts;
    private readonly long[] ends;
    /// <summary>Open ticks in the intervals before index i (length n + 1).</summary>
    private readonly long[] before;

    public CalendarShape Signature { get; }
    /// <summary>Every instant in [ValidFrom, ValidUntil) is classified open or closed exactly as the walk would.</summary>
    public DateTime ValidFrom { get; }
    public DateTime ValidUntil { get; }

    private OpenIntervalCache(CalendarShape signature, long[] starts, long[] ends, DateTime validFrom, DateTime validUntil)
    {
        (Signature, this.starts, this.ends, ValidFrom, ValidUntil) = (signature, starts, ends, validFrom, validUntil);
        before = new long[starts.Length + 1];
        for (var i = 0; i < starts.Length; i++) before[i + 1] = before[i] + (ends[i] - starts[i]);
    }

    public bool Covers(DateTime fromUtc, DateTime toUtc) => fromUtc >= ValidFrom && toUtc <= ValidUntil;

    /// <summary>A cache covering [fromUtc, untilUtc] (and what this one covered), with margin on both sides.</summary>
    public static OpenIntervalCache Build(BusinessCalendar calendar, CalendarShape signature, DateTime fromUtc, DateTime untilUtc,
        OpenIntervalCache? widen)
    {
        if (widen is not null && widen.Signature.Equals(signature))
        {
            if (widen.ValidFrom < fromUtc) fromUtc = widen.ValidFrom;
            if (widen.ValidUntil > untilUtc) untilUtc = widen.ValidUntil;
        }
        var buildFrom = Shift(fromUtc, -(Margin + LeadIn));
        var buildUntil = Shift(untilUtc, Margin);
        var (starts, ends) = (new List<long>(), new List<long>());
        var validUntil = DateTime.MinValue;
        var exhausted = true;
        foreach (var (start, end) in BusinessHours.OpenIntervals(calendar, buildFrom))
        {
            starts.Add(start.Ticks);
            ends.Add(end.Ticks);
            // A yielded interval is final (the walk only lets go of one that can no longer grow), so up to its end is exact.
            if (start > buildUntil) { validUntil = end; exhausted = false; break; }
        }
        // The walk stops at its horizon and its last interval may be cut there: trust only what lies well before it.
        if (exhausted) validUntil = Shift(buildFrom, BusinessHours.Horizon - LeadIn);
        return new OpenIntervalCache(signature, [.. starts], [.. ends], Shift(buildFrom, LeadIn), validUntil);
    }

    /// <summary>Open time in [fromUtc, toUtc); the caller checked <see cref="Covers"/> and that fromUtc &lt; toUtc.</summary>
    public TimeSpan Elapsed(DateTime fromUtc, DateTime toUtc)
    {
        var (from, to) = (fromUtc.Ticks, toUtc.Ticks);
        var first = FirstEndingAfter(from);
        var last = CountStartingBefore(to);
        if (first >= last) return TimeSpan.Zero;
        var total = before[last] - before[first];
        if (starts[first] < from) total -= from - starts[first];
        if (ends[last - 1] > to) total -= ends[last - 1] - to;
        return TimeSpan.FromTicks(total);
    }

    /// <summary>The instant <paramref name="duration"/> of open time after <paramref name="startUtc"/>; null when that lies beyond the cache.</summary>
    public DateTime? Add(DateTime startUtc, TimeSpan duration)
    {
        var first = FirstEndingAfter(startUtc.Ticks);
        if (first >= starts.Length) return null;
        var goal = before[first] + (Math.Max(starts[first], startUtc.Ticks) - starts[first]) + duration.Ticks;
        // The first interval whose running total reaches the goal.
        var (lo, hi) = (first, starts.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (before[mid + 1] >= goal) hi = mid; else lo = mid + 1;
        }
        if (lo >= starts.Length) return null;
        var result = new DateTime(starts[lo] + (goal - before[lo]), DateTimeKind.Utc);
        return result <= ValidUntil ? result : null;
    }

    private int FirstEndingAfter(long ticks)
    {
        var (lo, hi) = (0, ends.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (ends[mid] > ticks) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    private int CountStartingBefore(long ticks)
    {
        var (lo, hi) = (0, starts.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (starts[mid] >= ticks) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>value + by, kept a few years inside DateTime's range (the walk steps days beyond it).</summary>
    private static DateTime Shift(DateTime value, TimeSpan by)
    {
        var (min, max) = (new DateTime(10, 1, 1).Ticks, new DateTime(9990, 1, 1).Ticks);
        var ticks = Math.Clamp(value.Ticks + by.Ticks, min, max);
        return new DateTime(ticks, DateTimeKind.Utc);
    }
}

/// <summary>What the open intervals depend on; a cache built for another shape is rebuilt.</summary>
internal readonly record struct CalendarShape(CalendarKind Kind, string TimeZoneId, int Version, int Periods, int Holidays);
