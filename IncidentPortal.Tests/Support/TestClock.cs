namespace IncidentPortal.Tests.Support;

/// <summary>
/// Where the tests' fake clocks start (FakeTimeProvider's own default, 1 Jan 2000, would put every incident decades ago).
/// Monday 23 Nov 2026 09:00 UTC: a working morning in London, which the SLA business-hours tests count on.
/// </summary>
public static class TestClock
{
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
}
