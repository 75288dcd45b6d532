using IncidentPortal.Features.Sla;
using static IncidentPortal.Tests.Features.Sla.Calendars;

namespace IncidentPortal.Tests.Features.Sla;

public class BusinessHoursTests
{
    [Theory]
    [InlineData(10, 0, true)]
    [InlineData(9, 0, true)]
    [InlineData(8, 59, false)]
    [InlineData(16, 59, true)]
    [InlineData(17, 0, false)]
    public void Office_hours_are_open_from_the_opening_minute_until_just_before_closing(int hour, int minute, bool open)
    {
        Assert.Equal(DayOfWeek.Monday, Utc(2026, 11, 23).DayOfWeek);
        Assert.Equal(open, BusinessHours.IsOpen(LondonOffice(), Utc(2026, 11, 23, hour, minute)));
    }

    [Fact]
    public void Weekends_are_closed_and_next_open_is_monday_morning()
    {
        var calendar = LondonOffice();
        Assert.False(BusinessHours.IsOpen(calendar, Utc(2026, 11, 28, 12)));
        Assert.False(BusinessHours.IsOpen(calendar, Utc(2026, 11, 29, 12)));
        Assert.Equal(Utc(2026, 11, 30, 9), BusinessHours.NextOpen(calendar, Utc(2026, 11, 28, 12)));
        Assert.Equal(Utc(2026, 11, 30, 9), BusinessHours.NextOpen(calendar, Utc(2026, 11, 27, 17)));
        Assert.Equal(Utc(2026, 11, 27, 16, 59), BusinessHours.NextOpen(calendar, Utc(2026, 11, 27, 16, 59)));
    }

    [Fact]
    public void Adding_time_carries_over_the_weekend()
    {
        var calendar = LondonOffice();
        Assert.Equal(Utc(2026, 11, 30, 11), BusinessHours.Add(calendar, Utc(2026, 11, 27, 15), TimeSpan.FromHours(4)));
        Assert.Equal(TimeSpan.FromHours(4), BusinessHours.Elapsed(calendar, Utc(2026, 11, 27, 15), Utc(2026, 11, 30, 11)));
        // Started on a Saturday: the clock starts on Monday at nine.
        Assert.Equal(Utc(2026, 11, 30, 10), BusinessHours.Add(calendar, Utc(2026, 11, 28, 3), TimeSpan.FromHours(1)));
        // Exactly a working day ends at closing time, not at next morning's opening.
        Assert.Equal(Utc(2026, 11, 30, 17), BusinessHours.Add(calendar, Utc(2026, 11, 30, 9), TimeSpan.FromHours(8)));
        Assert.Equal(TimeSpan.FromHours(40), BusinessHours.Elapsed(calendar, Utc(2026, 11, 28), Utc(2026, 12, 5)));
    }

    [Fact]
    public void Holidays_are_skipped()
    {
        var calendar = LondonOffice(CalendarHoliday.On(new DateOnly(2026, 12, 25), "Christmas Day"),
            CalendarHoliday.On(new DateOnly(2026, 12, 28), "Boxing Day (substitute)"));
        Assert.False(BusinessHours.IsOpen(calendar, Utc(2026, 12, 25, 12)));
        Assert.False(BusinessHours.IsOpen(calendar, Utc(2026, 12, 28, 12)));
        Assert.True(BusinessHours.IsOpen(calendar, Utc(2026, 12, 29, 12)));
        // Thursday 16:00 + 2h: one hour on Thursday, then Friday, the weekend and Monday are closed.
        Assert.Equal(Utc(2026, 12, 29, 10), BusinessHours.Add(calendar, Utc(2026, 12, 24, 16), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(2), BusinessHours.Elapsed(calendar, Utc(2026, 12, 24, 16), Utc(2026, 12, 29, 10)));
        Assert.Equal(Utc(2026, 12, 29, 9), BusinessHours.NextOpen(calendar, Utc(2026, 12, 24, 17)));
    }

    [Fact]
    public void Hours_are_read_in_the_calendars_time_zone()
    {
        var newYork = NewYorkOffice();
        // 09:00 EST is 14:00 UTC in November.
        Assert.False(BusinessHours.IsOpen(newYork, Utc(2026, 11, 23, 13, 59)));
        Assert.True(BusinessHours.IsOpen(newYork, Utc(2026, 11, 23, 14)));
        Assert.True(BusinessHours.IsOpen(newYork, Utc(2026, 11, 23, 21, 59)));
        Assert.False(BusinessHours.IsOpen(newYork, Utc(2026, 11, 23, 22)));
        Assert.Equal(Utc(2026, 11, 23, 22), BusinessHours.Add(newYork, Utc(2026, 11, 23, 10), TimeSpan.FromHours(8)));
        // Friday 16:00 in New York is Friday 21:00 UTC; the local weekday decides, not the UTC one.
        Assert.Equal(Utc(2026, 11, 30, 15), BusinessHours.Add(newYork, Utc(2026, 11, 27, 21), TimeSpan.FromHours(2)));
        // London keeps summer time in June: 09:00 BST is 08:00 UTC.
        Assert.True(BusinessHours.IsOpen(LondonOffice(), Utc(2026, 6, 1, 8)));
        Assert.False(BusinessHours.IsOpen(LondonOffice(), Utc(2026, 6, 1, 16)));
    }

    [Fact]
    public void London_spring_forward_day_has_23_hours_and_autumn_back_day_25()
    {
        var sundays = BusinessCalendar.WithHours("Sundays", "Europe/London", [WorkingPeriod.Minutes(DayOfWeek.Sunday, 0, 1440)]);
        // 29 Mar 2026: clocks go 01:00 GMT -> 02:00 BST. Local Sunday runs 00:00Z .. 23:00Z.
        Assert.Equal(TimeSpan.FromHours(23), BusinessHours.Elapsed(sundays, Utc(2026, 3, 27), Utc(2026, 4, 1)));
        Assert.Equal(Utc(2026, 3, 29, 23), BusinessHours.Add(sundays, Utc(2026, 3, 28), TimeSpan.FromHours(23)));
        // 25 Oct 2026: clocks go 02:00 BST -> 01:00 GMT. Local Sunday runs Sat 23:00Z .. Mon 00:00Z.
        Assert.Equal(TimeSpan.FromHours(25), BusinessHours.Elapsed(sundays, Utc(2026, 10, 23), Utc(2026, 10, 28)));
        Assert.Equal(Utc(2026, 10, 24, 23), BusinessHours.NextOpen(sundays, Utc(2026, 10, 24, 12)));
        var everyDay = EveryDayAllDay("Europe/London");
        Assert.True(BusinessHours.IsOpen(everyDay, Utc(2026, 10, 25, 1, 30)));
        Assert.Equal(TimeSpan.FromHours(72), BusinessHours.Elapsed(everyDay, Utc(2026, 3, 28), Utc(2026, 3, 31)));
    }

    [Fact]
    public void Office_hours_move_with_the_london_clock_change()
    {
        var calendar = LondonOffice();
        // Friday 27 Mar 16:00 GMT + 2h: one hour Friday, then Monday 30 Mar opens at 09:00 BST = 08:00Z.
        Assert.Equal(Utc(2026, 3, 30, 9), BusinessHours.Add(calendar, Utc(2026, 3, 27, 16), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(2), BusinessHours.Elapsed(calendar, Utc(2026, 3, 27, 16), Utc(2026, 3, 30, 9)));
        Assert.Equal(Utc(2026, 3, 30, 8), BusinessHours.NextOpen(calendar, Utc(2026, 3, 28)));
        // And back in October: Monday 26 Oct opens at 09:00 GMT = 09:00Z.
        Assert.Equal(Utc(2026, 10, 26, 9), BusinessHours.NextOpen(calendar, Utc(2026, 10, 23, 17)));
        // Friday 23 Oct is still BST (closes 16:00Z): one hour; Monday in GMT 09:00Z-15:00Z: six. Not the naive eight.
        Assert.Equal(TimeSpan.FromHours(7), BusinessHours.Elapsed(calendar, Utc(2026, 10, 23, 15), Utc(2026, 10, 26, 15)));
    }

    [Fact]
    public void New_york_dst_gap_and_overlap_are_resolved()
    {
        var nightShift = BusinessCalendar.WithHours("NY nights", "America/New_York", [
            WorkingPeriod.Minutes(DayOfWeek.Sunday, 60, 240),          // 01:00-04:00
            WorkingPeriod.Minutes(DayOfWeek.Saturday, 150, 300),       // 02:30-05:00
        ]);
        // 8 Mar 2026 (Sunday): 02:00 EST -> 03:00 EDT. 01:00 EST = 06:00Z, 04:00 EDT = 08:00Z: two hours, not three.
        Assert.Equal(TimeSpan.FromHours(2), BusinessHours.Elapsed(nightShift, Utc(2026, 3, 8), Utc(2026, 3, 9)));
        Assert.Equal(Utc(2026, 3, 8, 8), BusinessHours.Add(nightShift, Utc(2026, 3, 8), TimeSpan.FromHours(2)));
        // 1 Nov 2026 (Sunday): 02:00 EDT -> 01:00 EST. 01:00 EDT = 05:00Z, 04:00 EST = 09:00Z: four hours.
        Assert.Equal(TimeSpan.FromHours(4), BusinessHours.Elapsed(nightShift, Utc(2026, 11, 1), Utc(2026, 11, 2)));
        Assert.Equal(Utc(2026, 11, 1, 5), BusinessHours.NextOpen(nightShift, Utc(2026, 11, 1)));

        // A period starting inside the gap starts when the gap ends (03:00 EDT = 07:00Z).
        var gapStart = BusinessCalendar.WithHours("gap", "America/New_York", [WorkingPeriod.Minutes(DayOfWeek.Sunday, 150, 300)]);
        Assert.Equal(Utc(2026, 3, 8, 7), BusinessHours.NextOpen(gapStart, Utc(2026, 3, 8)));
        Assert.Equal(TimeSpan.FromHours(2), BusinessHours.Elapsed(gapStart, Utc(2026, 3, 8), Utc(2026, 3, 9)));
        // One starting inside the overlap starts at its first occurrence (01:30 EDT = 05:30Z).
        var overlapStart = BusinessCalendar.WithHours("overlap", "America/New_York", [WorkingPeriod.Minutes(DayOfWeek.Sunday, 90, 240)]);
        Assert.Equal(Utc(2026, 11, 1, 5, 30), BusinessHours.NextOpen(overlapStart, Utc(2026, 11, 1)));
        Assert.Equal(TimeSpan.FromHours(3.5), BusinessHours.Elapsed(overlapStart, Utc(2026, 11, 1), Utc(2026, 11, 2)));
    }

    [Fact]
    public void Periods_can_span_midnight_and_adjacent_ones_merge()
    {
        var nights = BusinessCalendar.WithHours("Nights", "UTC",
            Calendars.Weekdays(new TimeOnly(22, 0), new TimeOnly(6, 0)).Append(WorkingPeriod.Minutes(DayOfWeek.Tuesday, 0, 480)),
            [CalendarHoliday.On(new DateOnly(2026, 11, 25), "Closure")]);
        Assert.True(BusinessHours.IsOpen(nights, Utc(2026, 11, 24, 3)));      // Monday's shift, Tuesday morning
        Assert.True(BusinessHours.IsOpen(nights, Utc(2026, 11, 24, 7)));      // Tuesday's day period continues it
        Assert.False(BusinessHours.IsOpen(nights, Utc(2026, 11, 24, 8)));
        Assert.True(BusinessHours.IsOpen(nights, Utc(2026, 11, 25, 3)));      // Tuesday's shift runs into the holiday
        Assert.False(BusinessHours.IsOpen(nights, Utc(2026, 11, 25, 23)));    // no shift starts on the holiday
        Assert.True(BusinessHours.IsOpen(nights, Utc(2026, 11, 28, 5)));      // Friday's shift ends Saturday 06:00
        Assert.False(BusinessHours.IsOpen(nights, Utc(2026, 11, 29, 3)));
        var first = BusinessHours.OpenIntervals(nights, Utc(2026, 11, 23, 12)).First();
        Assert.Equal((Utc(2026, 11, 23, 22), Utc(2026, 11, 24, 8)), first);
        // Monday 22:00 + 12h: ten hours to Tuesday 08:00, then two from Tuesday 22:00.
        Assert.Equal(Utc(2026, 11, 25, 0), BusinessHours.Add(nights, Utc(2026, 11, 23, 22), TimeSpan.FromHours(12)));
    }

    [Fact]
    public void Always_open_calendars_count_every_instant()
    {
        var always = BusinessCalendar.AlwaysOpen("24×7");
        Assert.True(BusinessHours.IsOpen(always, Utc(2026, 11, 29, 3)));
        Assert.Equal(Utc(2026, 11, 29, 4), BusinessHours.Add(always, Utc(2026, 11, 29, 3), TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromDays(3), BusinessHours.Elapsed(always, Utc(2026, 11, 27), Utc(2026, 11, 30)));
        Assert.Equal(TimeSpan.Zero, BusinessHours.Elapsed(always, Utc(2026, 11, 30), Utc(2026, 11, 27)));
    }

    [Theory]
    [InlineData("Europe/London")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Sydney")]
    [InlineData("Asia/Kolkata")]
    public void Add_and_elapsed_are_inverse_across_a_year_of_random_instants(string zone)
    {
        var calendar = BusinessCalendar.WithHours("Office", zone, Weekdays(new TimeOnly(8, 30), new TimeOnly(17, 30)),
            [CalendarHoliday.On(new DateOnly(2026, 12, 25), "Christmas"), CalendarHoliday.On(new DateOnly(2026, 4, 3), "Good Friday")]);
        var random = new Random(42);
        for (var i = 0; i < 300; i++)
        {
            var start = Utc(2026, 1, 1).AddMinutes(random.Next(0, 365 * 24 * 60));
            var duration = TimeSpan.FromMinutes(random.Next(0, 60 * 40));
            var due = BusinessHours.Add(calendar, start, duration);
            Assert.Equal(duration, BusinessHours.Elapsed(calendar, start, due));
            if (duration > TimeSpan.Zero) Assert.True(BusinessHours.IsOpen(calendar, due.AddMinutes(-1)), $"{start:o} + {duration}: {due:o}");
        }
    }

    [Fact]
    public void Bad_calendars_are_refused_with_a_reason()
    {
        Assert.Contains("time zone", Assert.Throws<CalendarRuleException>(() =>
            BusinessCalendar.WithHours("x", "Mars/Olympus", Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)))).Message);
        Assert.Contains("at least one", Assert.Throws<CalendarRuleException>(() =>
            BusinessCalendar.WithHours("x", "UTC", [])).Message);
        Assert.Contains("overlap", Assert.Throws<CalendarRuleException>(() => BusinessCalendar.WithHours("x", "UTC",
            [WorkingPeriod.Minutes(DayOfWeek.Monday, 540, 720), WorkingPeriod.Minutes(DayOfWeek.Monday, 700, 800)])).Message);
        Assert.Contains("twice", Assert.Throws<CalendarRuleException>(() => LondonOffice(
            CalendarHoliday.On(new DateOnly(2026, 12, 25), "a"), CalendarHoliday.On(new DateOnly(2026, 12, 25), "b"))).Message);
        Assert.Throws<CalendarRuleException>(() => WorkingPeriod.Minutes(DayOfWeek.Monday, 600, 600));
        Assert.Throws<CalendarRuleException>(() => WorkingPeriod.Minutes(DayOfWeek.Monday, 600, 1441));
        Assert.Throws<CalendarRuleException>(() => CalendarHoliday.On(new DateOnly(2026, 1, 1), " "));
    }
}
