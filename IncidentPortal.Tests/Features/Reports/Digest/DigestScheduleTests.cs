using IncidentPortal.Features.Reports;
using IncidentPortal.Features.Reports.Digest;
using IncidentPortal.Features.Time;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Features.Reports.Digest;

/// <summary>
/// Monday 08:00 in the recipient's zone, across DST: British Summer Time ends Sun 25 Oct 2026 (08:00 is 07:00Z before,
/// 08:00Z after); US daylight time starts Sun 8 Mar 2026 (08:00 in New York is 13:00Z before, 12:00Z after).
/// </summary>
public sealed class DigestScheduleTests
{
    private static readonly TimeZoneInfo London = TimeZones.OrUtc("Europe/London");
    private static readonly TimeZoneInfo NewYork = TimeZones.OrUtc("America/New_York");
    private static readonly TimeZoneInfo Tokyo = TimeZones.OrUtc("Asia/Tokyo");

    private static DateTime Z(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static FakeTimeProvider ClockAt(DateTime utc) => new(new DateTimeOffset(utc));

    private static DateTime Now(FakeTimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    [Fact]
    public void The_next_digest_is_Monday_08_00_local_on_both_sides_of_the_end_of_British_Summer_Time()
    {
        var clock = ClockAt(Z(10, 14, 12));   // Wed 14 Oct, BST
        var subscribed = Now(clock);

        Assert.Equal(Z(10, 19, 7), DigestSchedule.NextSendUtc(Now(clock), London, subscribed, null));   // Mon 19 Oct 08:00 BST
        clock.SetUtcNow(Z(10, 24, 12));       // Sat 24 Oct: the clocks go back tomorrow
        Assert.Equal(Z(10, 26, 8), DigestSchedule.NextSendUtc(Now(clock), London, subscribed, new DateOnly(2026, 10, 19)));   // Mon 26 Oct 08:00 GMT
    }

    [Fact]
    public void The_next_digest_follows_New_York_across_the_start_of_daylight_time()
    {
        var clock = ClockAt(Z(2, 25, 18));
        Assert.Equal(Z(3, 2, 13), DigestSchedule.NextSendUtc(Now(clock), NewYork, Now(clock), null));    // Mon 2 Mar 08:00 EST
        clock.SetUtcNow(Z(3, 2, 14));
        Assert.Equal(Z(3, 9, 12), DigestSchedule.NextSendUtc(Now(clock), NewYork, Z(2, 25, 18), new DateOnly(2026, 3, 2)));   // Mon 9 Mar 08:00 EDT
    }

    [Fact]
    public void It_is_due_once_per_week_from_08_00_local()
    {
        var clock = ClockAt(Z(11, 30, 7, 59));   // Mon 30 Nov 07:59 GMT
        var subscribed = Z(11, 20, 12);
        Assert.Null(DigestSchedule.DueWeek(Now(clock), London, subscribed, null));

        clock.Advance(TimeSpan.FromMinutes(1));
        var week = DigestSchedule.DueWeek(Now(clock), London, subscribed, null);
        Assert.Equal(new DateOnly(2026, 11, 30), week);

        // Sent: nothing more all week, whenever the worker looks (late on Sunday included).
        for (var i = 0; i < 7 * 24; i++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            if (DigestSchedule.WeekOf(Now(clock), London) != week) break;
            Assert.Null(DigestSchedule.DueWeek(Now(clock), London, subscribed, week));
        }
        clock.SetUtcNow(Z(12, 7, 8));
        Assert.Equal(new DateOnly(2026, 12, 7), DigestSchedule.DueWeek(Now(clock), London, subscribed, week));
    }

    [Fact]
    public void Nothing_is_due_for_a_week_whose_send_time_came_before_the_opt_in()
    {
        var clock = ClockAt(Z(11, 30, 9));   // Mon 30 Nov 09:00: opted in an hour after this week's send time
        var subscribed = Now(clock);

        clock.Advance(TimeSpan.FromHours(3));
        Assert.Null(DigestSchedule.DueWeek(Now(clock), London, subscribed, null));
        Assert.Equal(Z(12, 7, 8), DigestSchedule.NextSendUtc(Now(clock), London, subscribed, null));

        // Opted in at 08:00 sharp: this week's digest is still theirs.
        Assert.Equal(new DateOnly(2026, 11, 30), DigestSchedule.DueWeek(Now(clock), London, Z(11, 30, 8), null));
    }

    [Fact]
    public void Each_person_gets_it_at_08_00_in_their_own_zone()
    {
        var clock = ClockAt(Z(11, 29, 23, 30));   // Sun 23:30 in London, Mon 08:30 in Tokyo
        var subscribed = Z(11, 1, 0);

        Assert.Equal(new DateOnly(2026, 11, 30), DigestSchedule.DueWeek(Now(clock), Tokyo, subscribed, null));
        // In London it is still the week of Mon 23 Nov, whose digest went out last Monday.
        Assert.Null(DigestSchedule.DueWeek(Now(clock), London, subscribed, new DateOnly(2026, 11, 23)));
        Assert.Equal(Z(11, 29, 23), DigestSchedule.SendAtUtc(new DateOnly(2026, 11, 30), Tokyo));
    }

    [Fact]
    public void A_digest_covers_the_seven_full_local_days_before_its_Monday_and_compares_with_the_seven_before()
    {
        var range = DigestSchedule.RangeFor(new DateOnly(2026, 10, 26), "Europe/London");

        Assert.Equal((new DateOnly(2026, 10, 19), new DateOnly(2026, 10, 25)), (range.From, range.To));
        // The week of the change lasts 169 hours: from Sun 18 Oct 23:00Z to Mon 26 Oct 00:00Z.
        Assert.Equal((Z(10, 18, 23), Z(10, 26, 0)), (range.StartUtc, range.EndUtc));
        var before = range.PreviousPeriod();
        Assert.Equal((new DateOnly(2026, 10, 12), new DateOnly(2026, 10, 18)), (before.From, before.To));
        Assert.Equal("from=2026-10-19&to=2026-10-25&tz=Europe%2FLondon", ReportUrl.ToQuery(range));
    }
}
