using IncidentPortal.Features.Time;

namespace IncidentPortal.Tests.Features.Time;

/// <summary>Typed wall-clock times to stored UTC, hand-checked against the zones' rules, including both DST edges.</summary>
public sealed class WallClockTests
{
    private static TimeZoneInfo Zone(string id) => TimeZones.Find(id) ?? throw new InvalidOperationException(id);

    private static DateTime Local(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, DateTimeKind.Unspecified);

    [Theory]
    [InlineData("Europe/Paris", 2026, 12, 8, 20, 0, "2026-12-08T19:00:00Z")]        // winter, UTC+1
    [InlineData("Europe/Paris", 2026, 7, 1, 9, 0, "2026-07-01T07:00:00Z")]          // summer, UTC+2
    [InlineData("America/New_York", 2026, 12, 7, 21, 30, "2026-12-08T02:30:00Z")]   // the next day in UTC
    [InlineData("Australia/Lord_Howe", 2026, 12, 8, 12, 0, "2026-12-08T01:00:00Z")] // summer, UTC+11
    [InlineData("Australia/Lord_Howe", 2026, 6, 1, 12, 0, "2026-06-01T01:30:00Z")]  // winter, UTC+10:30
    [InlineData("UTC", 2026, 3, 29, 2, 30, "2026-03-29T02:30:00Z")]                 // no gap in UTC
    public void An_ordinary_time_becomes_the_utc_moment_it_names(string zone, int y, int mo, int d, int h, int mi, string expected)
    {
        var time = WallClock.ToUtc(Local(y, mo, d, h, mi), Zone(zone));

        Assert.Equal(WallClockKind.Exact, time.Kind);
        Assert.Null(time.Message);
        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), time.Utc);
        Assert.Equal(DateTimeKind.Utc, time.Utc!.Value.Kind);
        Assert.Equal(Local(y, mo, d, h, mi), WallClock.ToLocal(time.Utc.Value, Zone(zone)));
    }

    [Theory]
    // Paris: 02:00 → 03:00 on Sun 29 Mar 2026; New York: 02:00 → 03:00 on Sun 8 Mar 2026; Lord Howe: 02:00 → 02:30 on Sun 4 Oct 2026.
    [InlineData("Europe/Paris", 2026, 3, 29, 2, 30, "02:30 does not exist on Sun 29 Mar 2026 in Europe/Paris: the clocks go forward. Choose 03:00 or later.")]
    [InlineData("America/New_York", 2026, 3, 8, 2, 0, "02:00 does not exist on Sun 8 Mar 2026 in America/New_York: the clocks go forward. Choose 03:00 or later.")]
    [InlineData("Australia/Lord_Howe", 2026, 10, 4, 2, 15, "02:15 does not exist on Sun 4 Oct 2026 in Australia/Lord_Howe: the clocks go forward. Choose 02:30 or later.")]
    public void A_time_in_the_spring_forward_gap_is_refused_with_the_first_valid_time(string zone, int y, int mo, int d, int h, int mi, string message)
    {
        var time = WallClock.ToUtc(Local(y, mo, d, h, mi), Zone(zone));

        Assert.Equal(WallClockKind.Skipped, time.Kind);
        Assert.Null(time.Utc);
        Assert.Equal(message, time.Message);
        Assert.Null(WallClock.Note(time, Zone(zone)));
    }

    [Theory]
    // Paris: 03:00 → 02:00 on Sun 25 Oct 2026; New York: 02:00 → 01:00 on Sun 1 Nov 2026; Lord Howe: 02:00 → 01:30 on Sun 5 Apr 2026.
    [InlineData("Europe/Paris", 2026, 10, 25, 2, 30, "2026-10-25T00:30:00Z", "02:30 happens twice on Sun 25 Oct 2026 (the clocks go back); the first one (UTC+2) is used.")]
    [InlineData("America/New_York", 2026, 11, 1, 1, 30, "2026-11-01T05:30:00Z", "01:30 happens twice on Sun 1 Nov 2026 (the clocks go back); the first one (UTC−4) is used.")]
    [InlineData("Australia/Lord_Howe", 2026, 4, 5, 1, 45, "2026-04-04T14:45:00Z", "01:45 happens twice on Sun 5 Apr 2026 (the clocks go back); the first one (UTC+11) is used.")]
    public void A_time_the_clocks_pass_twice_takes_the_first_occurrence_and_says_so(string zone, int y, int mo, int d, int h, int mi, string expected, string message)
    {
        var time = WallClock.ToUtc(Local(y, mo, d, h, mi), Zone(zone));

        Assert.Equal(WallClockKind.Ambiguous, time.Kind);
        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), time.Utc);
        Assert.Equal(message, time.Message);
        Assert.Equal(message, WallClock.Note(time, Zone(zone)));
    }

    [Fact]
    public void The_note_names_the_offset_and_the_utc_moment_and_stays_empty_for_utc()
    {
        var paris = Zone("Europe/Paris");
        Assert.Equal("UTC+1, that is Tue 8 Dec 2026, 19:00 UTC", WallClock.Note(WallClock.ToUtc(Local(2026, 12, 8, 20, 0), paris), paris));
        Assert.Null(WallClock.Note(WallClock.ToUtc(Local(2026, 12, 8, 20, 0), TimeZoneInfo.Utc), TimeZoneInfo.Utc));
        Assert.Equal("UTC", WallClock.Name(TimeZoneInfo.Utc));
        Assert.Equal("UTC", WallClock.Name(Zone("UTC")));
        Assert.Equal("Europe/Paris", WallClock.Name(paris));
    }
}
