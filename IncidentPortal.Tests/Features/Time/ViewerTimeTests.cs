using IncidentPortal.Features.Time;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Features.Time;

/// <summary>What a signed-in person reads, with the clock moving across a daylight-saving change.</summary>
public sealed class ViewerTimeTests
{
    [Fact]
    public void A_due_time_reads_in_the_viewers_zone_and_the_countdown_in_real_hours_across_spring_forward()
    {
        // 00:30 UTC on 29 Mar 2026 is 01:30 in Berlin; the SLA is due at 02:30 UTC, 04:30 there (the clocks jumped).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero));
        var viewer = new ViewerTime(clock);
        viewer.Use("Europe/Berlin");
        var due = new DateTime(2026, 3, 29, 2, 30, 0, DateTimeKind.Utc);

        Assert.Equal("Sun 29 Mar 2026, 04:30 UTC+2", viewer.Absolute(due));
        Assert.Equal("in 2 h", viewer.Relative(due));                    // three hours on the wall clock, two real ones
        Assert.Equal("Sun 29 Mar 2026, 01:30 UTC+1", viewer.Absolute(viewer.Now));

        clock.Advance(TimeSpan.FromMinutes(45));
        Assert.Equal("Sun 29 Mar 2026, 03:15 UTC+2", viewer.Absolute(viewer.Now));
        Assert.Equal("in 1 h 15 min", viewer.Relative(due));
    }

    [Fact]
    public void A_viewer_without_a_zone_reads_UTC_and_an_unknown_zone_falls_back_to_UTC()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 6, 30, 0, TimeSpan.Zero));
        var viewer = new ViewerTime(clock);
        Assert.False(viewer.IsLoaded);
        Assert.Equal("Sun 1 Nov 2026, 06:30 UTC", viewer.Absolute(viewer.Now));

        viewer.Use("Not/AZone");
        Assert.True(viewer.IsLoaded);
        Assert.False(viewer.IsKnown);
        Assert.Equal("Sun 1 Nov 2026, 06:30 UTC", viewer.Absolute(viewer.Now));

        viewer.Use("America/New_York");                                   // just after falling back
        Assert.Equal("Sun 1 Nov 2026, 01:30 UTC−5", viewer.Absolute(viewer.Now));
        Assert.Equal("Sun 1 Nov 2026, 01:30 UTC−4", viewer.Absolute(viewer.Now.AddHours(-1)));
        Assert.Equal("—", viewer.Absolute((DateTime?)null));
    }
}
