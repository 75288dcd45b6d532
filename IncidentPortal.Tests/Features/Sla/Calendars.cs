using IncidentPortal.Features.Sla;

namespace IncidentPortal.Tests.Features.Sla;

/// <summary>Calendars and UTC instants the SLA tests share. 23 Nov 2026 is a Monday.</summary>
internal static class Calendars
{
    public static BusinessCalendar LondonOffice(params CalendarHoliday[] holidays) => BusinessCalendar.WithHours("London office",
        "Europe/London", Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)), holidays);

    public static BusinessCalendar NewYorkOffice() => BusinessCalendar.WithHours("New York office",
        "America/New_York", Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)));

    public static BusinessCalendar EveryDayAllDay(string zone) => BusinessCalendar.WithHours("All day " + zone, zone,
        Enum.GetValues<DayOfWeek>().Select(d => WorkingPeriod.Minutes(d, 0, 1440)));

    public static IEnumerable<WorkingPeriod> Weekdays(TimeOnly open, TimeOnly close) =>
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => WorkingPeriod.Of(d, open, close));

    public static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);
}
