using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Sla;

namespace IncidentPortal.Tests.Features.Sla;

/// <summary>
/// The interval cache behind <see cref="BusinessHours.Add"/> and <see cref="BusinessHours.Elapsed"/> must give exactly
/// what walking the calendar day by day gives: random calendars (DST zones, half-hour DST, night shifts, whole days,
/// holidays) and random incident histories, every clock compared field by field with the walk's.
/// </summary>
public class IntervalCacheEquivalenceTests
{
    private static readonly string[] Zones =
        ["Europe/London", "America/New_York", "Australia/Lord_Howe", "America/Santiago", "Pacific/Chatham", "Asia/Kolkata", "Europe/Berlin", "UTC"];

    private static BusinessCalendar RandomCalendar(Random random)
    {
        var periods = new List<WorkingPeriod>();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            if (random.Next(4) == 0) continue;
            var start = random.Next(0, 20) * 60 + (random.Next(2) == 0 ? 0 : random.Next(60));
            // Sometimes a night shift over midnight (and over the DST switch, which is at night), sometimes to 24:00.
            var end = random.Next(5) switch
            {
                0 => (start + random.Next(60, 900)) % 1440,
                1 => 1440,
                _ => Math.Min(1440, start + random.Next(30, 600)),
            };
            if (end == start) end = (start + 60) % 1440;
            periods.Add(WorkingPeriod.Minutes(day, start, end));
        }
        if (periods.Count == 0) periods.Add(WorkingPeriod.Minutes(DayOfWeek.Monday, 540, 1020));
        var holidays = Enumerable.Range(0, random.Next(0, 12)).Select(_ => new DateOnly(2025, 1, 1).AddDays(random.Next(0, 900)))
            .Distinct().Select(d => CalendarHoliday.On(d, "Closed")).ToList();
        return BusinessCalendar.WithHours("Random", Zones[random.Next(Zones.Length)], periods, holidays);
    }

    private static DateTime RandomInstant(Random random) =>
        new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(0, 2 * 366 * 1440)).AddSeconds(random.Next(60));

    [Fact]
    public void Add_and_elapsed_match_the_day_by_day_walk()
    {
        var random = new Random(20261123);
        for (var c = 0; c < 60; c++)
        {
            var calendar = RandomCalendar(random);
            for (var q = 0; q < 40; q++)
            {
                var (from, to) = (RandomInstant(random), RandomInstant(random));
                var duration = TimeSpan.FromMinutes(random.Next(1, 60 * 24 * 60));
                DateTime slowDue;
                TimeSpan slowElapsed;
                using (BusinessHours.WalkingOnly())
                    (slowDue, slowElapsed) = (BusinessHours.Add(calendar, from, duration), BusinessHours.Elapsed(calendar, from, to));
                Assert.Equal(slowDue, BusinessHours.Add(calendar, from, duration));
                Assert.Equal(slowElapsed, BusinessHours.Elapsed(calendar, from, to));
                Assert.Equal(duration, BusinessHours.Elapsed(calendar, from, slowDue));
            }
        }
    }

    [Fact]
    public void Clocks_over_random_histories_match_the_day_by_day_walk()
    {
        var random = new Random(4242);
        var statuses = new[] { IncidentStatus.Assigned, IncidentStatus.InProgress, IncidentStatus.OnHold, IncidentStatus.Resolved,
            IncidentStatus.Closed, IncidentStatus.Cancelled, IncidentStatus.InProgress };
        for (var c = 0; c < 40; c++)
        {
            var calendar = RandomCalendar(random);
            var always = BusinessCalendar.AlwaysOpen("24×7");
            var policy = SlaPolicy.Create("Random", null, Enum.GetValues<Priority>().Select(p => SlaTarget.For(p,
                TimeSpan.FromMinutes(random.Next(15, 600)), TimeSpan.FromMinutes(random.Next(600, 60 * 24 * 30)),
                random.Next(5) == 0 ? always : calendar)), warningFraction: 0.5 + random.NextDouble() * 0.45);
            for (var h = 0; h < 25; h++)
            {
                var created = RandomInstant(random);
                var at = created;
                var changes = new List<SlaStatusChange>();
                for (var i = random.Next(0, 8); i > 0; i--)
                {
                    at = at.AddMinutes(random.Next(0, 60 * 24 * 20));
                    var status = statuses[random.Next(statuses.Length)];
                    changes.Add(new SlaStatusChange(at, status,
                        status == IncidentStatus.OnHold ? Enum.GetValues<OnHoldReason>()[random.Next(Enum.GetValues<OnHoldReason>().Length)] : null));
                }
                DateTime? responded = random.Next(3) == 0 ? null : created.AddMinutes(random.Next(0, 60 * 24 * 5));
                var facts = new SlaFacts(created, responded, Enum.GetValues<Priority>()[random.Next(5)], changes);
                var target = policy.TargetFor(facts.Priority);
                var now = at.AddMinutes(random.Next(0, 60 * 24 * 200));
                foreach (var kind in Enum.GetValues<SlaClockKind>())
                {
                    SlaClockReading slow;
                    using (BusinessHours.WalkingOnly())
                        slow = SlaClockCalculator.Compute(kind, facts, policy, target, target.Calendar!, now);
                    var fast = SlaClockCalculator.Compute(kind, facts, policy, target, target.Calendar!, now);
                    Assert.Equal(slow with { Segments = [] }, fast with { Segments = [] });
                    Assert.Equal(slow.Segments, fast.Segments);
                }
            }
        }
    }

    [Fact]
    public void A_calendar_changed_after_use_is_not_answered_from_the_old_cache()
    {
        var calendar = BusinessCalendar.Office("Office", "Europe/London", new TimeOnly(9, 0), new TimeOnly(17, 0));
        var monday9 = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal(monday9.AddHours(8), BusinessHours.Add(calendar, monday9, TimeSpan.FromHours(8)));
        calendar.SetHours("Europe/London", [WorkingPeriod.Of(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(13, 0))]);
        Assert.Equal(monday9.AddDays(7).AddHours(4), BusinessHours.Add(calendar, monday9, TimeSpan.FromHours(8)));
        calendar.SetHolidays([CalendarHoliday.On(new DateOnly(2026, 11, 30), "Closed")]);
        Assert.Equal(monday9.AddDays(14).AddHours(4), BusinessHours.Add(calendar, monday9, TimeSpan.FromHours(8)));
    }
}
