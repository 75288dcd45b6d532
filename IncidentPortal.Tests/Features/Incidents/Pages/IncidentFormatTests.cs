using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages;

namespace IncidentPortal.Tests.Features.Incidents.Pages;

public sealed class IncidentFormatTests
{
    [Theory]
    [InlineData(20, "under a minute")]
    [InlineData(40 * 60, "40 min")]
    [InlineData(3 * 3600, "3 h")]
    [InlineData(3 * 3600 + 5 * 60, "3 h 5 min")]
    [InlineData(2 * 86400 + 4 * 3600 + 59, "2 d 4 h")]
    [InlineData(-5, "under a minute")]
    public void Durations_read_at_a_useful_precision(int seconds, string expected)
    {
        Assert.Equal(expected, IncidentFormat.Duration(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Reporters_are_told_what_on_hold_and_resolved_mean_for_them()
    {
        Assert.Contains("waiting for information from you", IncidentFormat.ForReporter(IncidentStatus.OnHold, OnHoldReason.AwaitingUser, 7));
        Assert.Contains("closes automatically after 7 days", IncidentFormat.ForReporter(IncidentStatus.Resolved, null, 7));
        Assert.DoesNotContain("automatically", IncidentFormat.ForReporter(IncidentStatus.Resolved, null, 0));
    }
}
