using IncidentPortal.Features.StatusPage;
using IncidentPortal.Features.StatusPage.Public;

namespace IncidentPortal.Tests.Features.StatusPage;

public class UptimeHistoryTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime TrackedSince = Now.AddDays(-100);

    private static ComponentStatusPeriod Period(ComponentStatus status, DateTime from, DateTime? to, string? cause = null)
    {
        var period = ComponentStatusPeriod.Begin(1, status, from, cause);
        if (to is { } end) period.End(end);
        return period;
    }

    [Fact]
    public void A_component_that_stayed_operational_has_100_percent_and_green_days()
    {
        var (days, uptime) = UptimeHistory.Build([Period(ComponentStatus.Operational, TrackedSince, null)], TrackedSince, Today, Now, 90);
        Assert.Equal(100, uptime);
        Assert.Equal(90, days.Count);
        Assert.All(days, d => Assert.Equal(ComponentStatus.Operational, d.Worst));
        Assert.All(days, d => Assert.True(d.HasData));
    }

    [Fact]
    public void A_major_outage_counts_fully_and_a_partial_one_at_30_percent()
    {
        var outageStart = Now.AddDays(-10);
        var periods = new[]
        {
            Period(ComponentStatus.Operational, TrackedSince, outageStart),
            Period(ComponentStatus.MajorOutage, outageStart, outageStart.AddHours(9), "Mail down"),
            Period(ComponentStatus.PartialOutage, outageStart.AddHours(9), outageStart.AddHours(19)),
            Period(ComponentStatus.Operational, outageStart.AddHours(19), null),
        };
        var (days, uptime) = UptimeHistory.Build(periods, TrackedSince, Today, Now, 90);
        // 9 h + 30 % of 10 h = 12 h down in 89.5 days observed.
        Assert.Equal(Math.Round(100 * (1 - 12 / (89.5 * 24)), 2), uptime);
        var day = days.Single(d => d.Date == DateOnly.FromDateTime(outageStart));
        Assert.Equal(ComponentStatus.MajorOutage, day.Worst);
        Assert.Contains(day.Events, e => e.StartsWith("Major outage for 9 h: Mail down", StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_outage_never_reads_as_100_percent_beside_its_red_bar()
    {
        var periods = new[]
        {
            Period(ComponentStatus.Operational, TrackedSince, Now.AddMinutes(-30)),
            Period(ComponentStatus.MajorOutage, Now.AddMinutes(-30), Now.AddMinutes(-28)),
            Period(ComponentStatus.Operational, Now.AddMinutes(-28), null),
        };
        var (days, uptime) = UptimeHistory.Build(periods, TrackedSince, Today, Now, 90);
        Assert.Equal(ComponentStatus.MajorOutage, days[^1].Worst);
        Assert.Equal(99.99, uptime);
    }

    [Fact]
    public void Degraded_performance_and_maintenance_are_not_downtime_and_untracked_days_have_no_data()
    {
        var since = Now.AddDays(-5);
        var periods = new[]
        {
            Period(ComponentStatus.DegradedPerformance, since, since.AddHours(5)),
            Period(ComponentStatus.UnderMaintenance, since.AddHours(5), since.AddHours(7)),
            Period(ComponentStatus.Operational, since.AddHours(7), null),
        };
        var (days, uptime) = UptimeHistory.Build(periods, since, Today, Now, 90);
        Assert.Equal(100, uptime);
        Assert.Equal(84, days.Count(d => !d.HasData));
        Assert.Equal(ComponentStatus.DegradedPerformance, days.Single(d => d.Date == DateOnly.FromDateTime(since)).Worst);
    }

    [Theory]
    [InlineData(0)] // the page is built the instant the outage begins
    [InlineData(5)]
    public void An_outage_going_on_now_shows_on_todays_bar_and_keeps_the_figure_below_100_percent(int minutesAgo)
    {
        var periods = new[]
        {
            Period(ComponentStatus.Operational, TrackedSince, Now.AddMinutes(-minutesAgo)),
            Period(ComponentStatus.PartialOutage, Now.AddMinutes(-minutesAgo), null, "Checkout errors"),
        };
        var (days, uptime) = UptimeHistory.Build(periods, TrackedSince, Today, Now, 90);
        Assert.Equal(ComponentStatus.PartialOutage, days[^1].Worst);
        Assert.Contains(days[^1].Events, e => e.Contains("ongoing", StringComparison.Ordinal));
        Assert.True(uptime < 100, $"uptime {uptime}");
    }
}
