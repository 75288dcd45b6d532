namespace IncidentPortal.Features.Sla;

/// <summary>
/// One stretch of working time on a weekday, in minutes after local midnight. End 1440 means "until midnight";
/// an end at or before the start means the period runs past midnight into the next day.
/// </summary>
public class WorkingPeriod
{
    public int Id { get; private set; }
    public int CalendarId { get; private set; }
    public DayOfWeek Day { get; private set; }
    public int StartMinute { get; private set; }
    public int EndMinute { get; private set; }

    private WorkingPeriod() { }

    public bool SpansMidnight => EndMinute <= StartMinute;
    public TimeSpan Length => TimeSpan.FromMinutes(SpansMidnight ? EndMinute + 1440 - StartMinute : EndMinute - StartMinute);

    public static WorkingPeriod Of(DayOfWeek day, TimeOnly start, TimeOnly end) =>
        Minutes(day, start.Hour * 60 + start.Minute, end == TimeOnly.MinValue && start != TimeOnly.MinValue ? 1440 : end.Hour * 60 + end.Minute);

    /// <summary>"00:00"–"24:00" is the whole day; 22:00–06:00 spans midnight.</summary>
    public static WorkingPeriod Minutes(DayOfWeek day, int startMinute, int endMinute)
    {
        if (startMinute is < 0 or >= 1440) throw new CalendarRuleException("A period starts between 00:00 and 23:59.");
        if (endMinute is < 0 or > 1440) throw new CalendarRuleException("A period ends between 00:00 and 24:00.");
        if (endMinute == startMinute) throw new CalendarRuleException("A period cannot start and end at the same time.");
        return new WorkingPeriod { Day = day, StartMinute = startMinute, EndMinute = endMinute };
    }

    public static string FormatMinute(int minute) => $"{minute / 60:D2}:{minute % 60:D2}";
    public override string ToString() => $"{Day} {FormatMinute(StartMinute)}–{FormatMinute(EndMinute)}";
}

/// <summary>A date on which no working period starts (a public holiday, an office closure).</summary>
public class CalendarHoliday
{
    public int Id { get; private set; }
    public int CalendarId { get; private set; }
    public DateOnly Date { get; private set; }
    public string Name { get; private set; } = "";

    private CalendarHoliday() { }

    public static CalendarHoliday On(DateOnly date, string name)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0) throw new CalendarRuleException("Give the holiday a name.");
        if (trimmed.Length > BusinessCalendar.MaxHolidayNameLength)
            throw new CalendarRuleException($"A holiday name can be at most {BusinessCalendar.MaxHolidayNameLength} characters.");
        return new CalendarHoliday { Date = date, Name = trimmed };
    }
}
