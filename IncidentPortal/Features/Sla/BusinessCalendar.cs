namespace IncidentPortal.Features.Sla;

public enum CalendarKind
{
    /// <summary>24×7: every instant counts; no time zone, hours or holidays apply.</summary>
    AlwaysOpen,
    /// <summary>Counts only the working periods, in the calendar's time zone, minus holidays.</summary>
    BusinessHours,
}

/// <summary>
/// When the clock of an SLA runs: working periods per weekday in an IANA time zone, and holidays.
/// A period whose end is not after its start spans midnight (Fri 22:00–06:00 runs into Saturday morning).
/// A holiday cancels the periods that START on that local date (the tail of the night shift before still counts).
/// </summary>
public class BusinessCalendar
{
    public const int MaxNameLength = 100;
    public const int MaxHolidayNameLength = 100;

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public CalendarKind Kind { get; private set; }
    /// <summary>IANA id ("Europe/London"); "UTC" for 24×7 calendars.</summary>
    public string TimeZoneId { get; private set; } = "UTC";
    public List<WorkingPeriod> Periods { get; private set; } = [];
    public List<CalendarHoliday> Holidays { get; private set; } = [];
    /// <summary>Bumped by every change; the optimistic-concurrency token for the admin page.</summary>
    public int Version { get; private set; }

    private TimeZoneInfo? zone;
    private Dictionary<DateOnly, bool>? holidaySet;
    private volatile OpenIntervalCache? intervals;

    private BusinessCalendar() { }

    public static BusinessCalendar AlwaysOpen(string name) =>
        new() { Name = RequireName(name), Kind = CalendarKind.AlwaysOpen, TimeZoneId = "UTC", Version = 1 };

    public static BusinessCalendar WithHours(string name, string timeZoneId, IEnumerable<WorkingPeriod> periods,
        IEnumerable<CalendarHoliday>? holidays = null)
    {
        var calendar = new BusinessCalendar { Name = RequireName(name), Kind = CalendarKind.BusinessHours, Version = 1 };
        calendar.SetTimeZone(timeZoneId);
        calendar.SetPeriods(periods);
        calendar.SetHolidays(holidays ?? []);
        return calendar;
    }

    /// <summary>The same hours on each of <paramref name="days"/> (Monday to Friday when not given).</summary>
    public static BusinessCalendar Office(string name, string timeZoneId, TimeOnly open, TimeOnly close, params DayOfWeek[] days)
    {
        if (days.Length == 0) days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        return WithHours(name, timeZoneId, days.Select(d => WorkingPeriod.Of(d, open, close)));
    }

    public TimeZoneInfo Zone => zone ??= Kind == CalendarKind.AlwaysOpen ? TimeZoneInfo.Utc : FindZone(TimeZoneId)
        ?? throw new InvalidOperationException($"Unknown time zone '{TimeZoneId}'.");

    public bool IsHoliday(DateOnly localDate) =>
        (holidaySet ??= Holidays.GroupBy(h => h.Date).ToDictionary(g => g.Key, _ => true)).ContainsKey(localDate);

    internal CalendarShape Shape => new(Kind, TimeZoneId, Version, Periods.Count, Holidays.Count);

    /// <summary>The open-interval cache covering [fromUtc, untilUtc], widened (rebuilt) when the query lies outside it;
    /// null at the far ends of DateTime's range, where the caller walks instead.</summary>
    internal OpenIntervalCache? IntervalsCovering(DateTime fromUtc, DateTime untilUtc)
    {
        var shape = Shape;
        var cache = intervals;
        if (cache is not null && cache.Signature.Equals(shape) && cache.Covers(fromUtc, untilUtc)) return cache;
        cache = intervals = OpenIntervalCache.Build(this, shape, fromUtc, untilUtc, cache);
        return cache.Covers(fromUtc, untilUtc) ? cache : null;
    }

    public void Rename(string name) { Name = RequireName(name); Version++; }

    public void MakeAlwaysOpen()
    {
        Kind = CalendarKind.AlwaysOpen;
        Periods.Clear();
        TimeZoneId = "UTC";
        zone = null;
        intervals = null;
        Version++;
    }

    /// <summary>Switches to business hours (or changes them); at least one period is required, else nothing would ever count.</summary>
    public void SetHours(string timeZoneId, IEnumerable<WorkingPeriod> periods)
    {
        SetTimeZone(timeZoneId);
        Kind = CalendarKind.BusinessHours;
        SetPeriods(periods);
        Version++;
    }

    public void SetHolidays(IEnumerable<CalendarHoliday> holidays)
    {
        var list = holidays.OrderBy(h => h.Date).ToList();
        var duplicate = list.GroupBy(h => h.Date).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new CalendarRuleException($"{duplicate.Key:yyyy-MM-dd} is listed twice.");
        Holidays.Clear();
        Holidays.AddRange(list);
        holidaySet = null;
        intervals = null;
        Version++;
    }

    private void SetTimeZone(string timeZoneId)
    {
        var id = (timeZoneId ?? "").Trim();
        if (FindZone(id) is null) throw new CalendarRuleException($"'{id}' is not a known time zone (use an IANA id such as Europe/London).");
        TimeZoneId = id;
        zone = null;
    }

    private void SetPeriods(IEnumerable<WorkingPeriod> periods)
    {
        var list = periods.OrderBy(p => p.Day).ThenBy(p => p.StartMinute).ToList();
        if (list.Count == 0) throw new CalendarRuleException("Business hours need at least one working period.");
        foreach (var day in list.GroupBy(p => p.Day))
        {
            var ordered = day.ToList();
            for (var i = 1; i < ordered.Count; i++)
                if (ordered[i].StartMinute < ordered[i - 1].EndMinute || ordered[i - 1].SpansMidnight)
                    throw new CalendarRuleException($"The periods on {day.Key} overlap.");
        }
        Periods.Clear();
        Periods.AddRange(list);
        intervals = null;
    }

    private static TimeZoneInfo? FindZone(string id)
    {
        if (id.Length == 0) return null;
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (TimeZoneNotFoundException) { return null; }
        catch (InvalidTimeZoneException) { return null; }
    }

    private static string RequireName(string? name)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0) throw new CalendarRuleException("The name is required.");
        if (trimmed.Length > MaxNameLength) throw new CalendarRuleException($"The name can be at most {MaxNameLength} characters.");
        return trimmed;
    }
}

public sealed class CalendarRuleException(string message) : Exception(message);
