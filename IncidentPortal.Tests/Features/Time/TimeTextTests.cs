using IncidentPortal.Features.Time;

namespace IncidentPortal.Tests.Features.Time;

/// <summary>The one absolute format, in several zones, on both sides of daylight-saving changes.</summary>
public sealed class TimeTextTests
{
    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static TimeZoneInfo Zone(string id) => TimeZones.Find(id) ?? throw new InvalidOperationException(id);

    [Theory]
    [InlineData("UTC", 2026, 12, 6, 22, 39, "Sun 6 Dec 2026, 22:39 UTC")]
    [InlineData("Europe/Berlin", 2026, 12, 6, 22, 39, "Sun 6 Dec 2026, 23:39 UTC+1")]
    [InlineData("Europe/Berlin", 2026, 7, 1, 22, 39, "Thu 2 Jul 2026, 00:39 UTC+2")]           // a new day there
    [InlineData("America/New_York", 2026, 12, 7, 3, 0, "Sun 6 Dec 2026, 22:00 UTC−5")]         // the day before there
    [InlineData("Asia/Kolkata", 2026, 12, 6, 22, 39, "Mon 7 Dec 2026, 04:09 UTC+5:30")]
    [InlineData("Pacific/Chatham", 2026, 12, 6, 10, 0, "Sun 6 Dec 2026, 23:45 UTC+13:45")]
    public void Absolute_times_are_written_in_the_zone_with_its_offset(string zone, int y, int mo, int d, int h, int mi, string expected)
    {
        Assert.Equal(expected, TimeText.Absolute(Utc(y, mo, d, h, mi), Zone(zone)));
    }

    [Theory]
    // Berlin springs forward at 01:00 UTC on 29 Mar 2026: 02:00 local does not exist.
    [InlineData("Europe/Berlin", 2026, 3, 29, 0, 59, "Sun 29 Mar 2026, 01:59 UTC+1")]
    [InlineData("Europe/Berlin", 2026, 3, 29, 1, 0, "Sun 29 Mar 2026, 03:00 UTC+2")]
    // Berlin falls back at 01:00 UTC on 25 Oct 2026: 02:30 local happens twice, the offset tells them apart.
    [InlineData("Europe/Berlin", 2026, 10, 25, 0, 30, "Sun 25 Oct 2026, 02:30 UTC+2")]
    [InlineData("Europe/Berlin", 2026, 10, 25, 1, 30, "Sun 25 Oct 2026, 02:30 UTC+1")]
    // New York: 8 Mar 2026 07:00 UTC forward, 1 Nov 2026 06:00 UTC back.
    [InlineData("America/New_York", 2026, 3, 8, 6, 59, "Sun 8 Mar 2026, 01:59 UTC−5")]
    [InlineData("America/New_York", 2026, 3, 8, 7, 0, "Sun 8 Mar 2026, 03:00 UTC−4")]
    [InlineData("America/New_York", 2026, 11, 1, 5, 30, "Sun 1 Nov 2026, 01:30 UTC−4")]
    [InlineData("America/New_York", 2026, 11, 1, 6, 30, "Sun 1 Nov 2026, 01:30 UTC−5")]
    // Sydney (southern hemisphere) falls back on 5 Apr 2026 at 16:00 UTC the day before.
    [InlineData("Australia/Sydney", 2026, 4, 4, 15, 30, "Sun 5 Apr 2026, 02:30 UTC+11")]
    [InlineData("Australia/Sydney", 2026, 4, 4, 16, 30, "Sun 5 Apr 2026, 02:30 UTC+10")]
    // Lord Howe moves by half an hour.
    [InlineData("Australia/Lord_Howe", 2026, 4, 4, 14, 59, "Sun 5 Apr 2026, 01:59 UTC+11")]
    [InlineData("Australia/Lord_Howe", 2026, 4, 4, 15, 0, "Sun 5 Apr 2026, 01:30 UTC+10:30")]
    public void Daylight_saving_edges_show_the_right_wall_time_and_offset(string zone, int y, int mo, int d, int h, int mi, string expected)
    {
        Assert.Equal(expected, TimeText.Absolute(Utc(y, mo, d, h, mi), Zone(zone)));
    }

    [Theory]
    [InlineData(20, "under a minute")]
    [InlineData(60, "1 min")]
    [InlineData(45 * 60 + 59, "45 min")]
    [InlineData(3600, "1 h")]
    [InlineData(3 * 3600 + 12 * 60, "3 h 12 min")]
    [InlineData(111 * 3600 + 33 * 60, "4 d 15 h")]
    [InlineData(2 * 86400, "2 d")]
    [InlineData(-(3 * 3600 + 12 * 60), "3 h 12 min")]
    public void Durations_have_one_format_with_two_units_at_most(int seconds, string expected)
    {
        Assert.Equal(expected, TimeText.Duration(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Relative_times_say_in_or_ago()
    {
        var now = Utc(2026, 12, 7, 12, 0);
        Assert.Equal("in 1 d 1 h", TimeText.Relative(now.AddHours(25), now));
        Assert.Equal("3 h 12 min ago", TimeText.Relative(now.AddMinutes(-192), now));
        Assert.Equal("just now", TimeText.Relative(now.AddSeconds(-30), now));
    }

    [Fact]
    public void Offsets_are_named_with_hours_and_minutes()
    {
        Assert.Equal("UTC", TimeText.OffsetName(TimeSpan.Zero));
        Assert.Equal("UTC+1", TimeText.OffsetName(TimeSpan.FromHours(1)));
        Assert.Equal("UTC−3:30", TimeText.OffsetName(TimeSpan.FromMinutes(-210)));
    }

    [Fact]
    public void Stamps_in_queued_text_are_written_in_each_readers_zone()
    {
        var text = $"Response SLA breached at {TimeText.Stamp(Utc(2026, 3, 29, 1, 15))}; due before {TimeText.Stamp(Utc(2026, 3, 29, 0, 45))}";
        Assert.Equal("Response SLA breached at Sun 29 Mar 2026, 03:15 UTC+2; due before Sun 29 Mar 2026, 01:45 UTC+1",
            TimeText.Localize(text, Zone("Europe/Berlin")));
        Assert.Equal("Response SLA breached at Sat 28 Mar 2026, 21:15 UTC−4; due before Sat 28 Mar 2026, 20:45 UTC−4",
            TimeText.Localize(text, Zone("America/New_York")));
        Assert.Equal("No times here [[not a stamp]]", TimeText.Localize("No times here [[not a stamp]]", TimeZoneInfo.Utc));
    }

    [Fact]
    public void Calendar_dates_carry_no_zone()
    {
        Assert.Equal("Mon 7 Dec 2026", TimeText.Date(new DateOnly(2026, 12, 7)));
    }
}
