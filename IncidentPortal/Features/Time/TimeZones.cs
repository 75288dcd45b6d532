namespace IncidentPortal.Features.Time;

/// <summary>The zones a person can choose (IANA ids, as browsers report them) and a lookup that never throws.</summary>
public static class TimeZones
{
    public const int MaxIdLength = 64;

    public static IReadOnlyList<string> All { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.HasIanaId ? z.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(z.Id, out var iana) ? iana : z.Id)
        .Append("UTC").Where(id => id.Length <= MaxIdLength).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The zone for an id (IANA or Windows), or null when it is empty or unknown.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength) return null;
        try { return TimeZoneInfo.FindSystemTimeZoneById(id.Trim()); }
        catch (TimeZoneNotFoundException) { return null; }
        catch (InvalidTimeZoneException) { return null; }
    }

    /// <summary>The canonical IANA id to store for a zone someone picked or a browser reported.</summary>
    public static string? Normalize(string? id) => Find(id) is { } zone
        ? zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id
        : null;

    public static TimeZoneInfo OrUtc(string? id) => Find(id) ?? TimeZoneInfo.Utc;
}
