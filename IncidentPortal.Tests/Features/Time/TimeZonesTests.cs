using IncidentPortal.Features.Time;

namespace IncidentPortal.Tests.Features.Time;

public sealed class TimeZonesTests
{
    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData(" America/New_York ", "America/New_York")]
    [InlineData("W. Europe Standard Time", "Europe/Berlin")]   // a Windows id, as some systems report it
    [InlineData("UTC", "UTC")]
    [InlineData("Mars/Olympus_Mons", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Zones_are_stored_by_their_IANA_id_and_unknown_ones_refused(string? input, string? expected)
    {
        Assert.Equal(expected, TimeZones.Normalize(input));
    }

    [Fact]
    public void The_choice_lists_common_zones_once_each()
    {
        Assert.Contains("Europe/Berlin", TimeZones.All);
        Assert.Contains("America/New_York", TimeZones.All);
        Assert.Contains("UTC", TimeZones.All);
        Assert.Equal(TimeZones.All.Count, TimeZones.All.Distinct().Count());
        Assert.Null(TimeZones.Find(new string('x', 200)));
    }
}
