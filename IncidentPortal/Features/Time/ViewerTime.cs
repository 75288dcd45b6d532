namespace IncidentPortal.Features.Time;

/// <summary>
/// The signed-in person's zone for this page or circuit (UTC until known), so every component writes times the same
/// way through <see cref="TimeText"/>. <see cref="Components.TimeZoneScope"/> fills it before the page renders.
/// </summary>
public sealed class ViewerTime(TimeProvider clock)
{
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Whether the person has a stored zone; when not, the browser's is detected and stored.</summary>
    public bool IsKnown { get; private set; }

    public bool IsLoaded { get; private set; }

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public void Use(string? zoneId)
    {
        var zone = TimeZones.Find(zoneId);
        (Zone, IsKnown, IsLoaded) = (zone ?? TimeZoneInfo.Utc, zone is not null, true);
    }

    public string Absolute(DateTime utc) => TimeText.Absolute(utc, Zone);

    public string Absolute(DateTime? utc, string none = "—") => utc is { } at ? Absolute(at) : none;

    public string Relative(DateTime utc) => TimeText.Relative(utc, Now);

    public (DateTime Local, TimeSpan Offset) Local(DateTime utc) => TimeText.ToZone(utc, Zone);
}
