using System.Globalization;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Time;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace IncidentPortal.Features.Reports;

/// <summary>
/// A <see cref="ReportFilter"/> in an address (<c>?range=last30&amp;team=3</c>, or <c>?from=2026-11-01&amp;to=2026-11-30</c>),
/// the same for the page, the API and the CSV. Parsing never throws: what is missing or wrong falls back to the default
/// (the last 30 days in the viewer's zone, no filters).
/// </summary>
public static class ReportUrl
{
    public const string SliceKey = "slice";

    private static readonly Dictionary<ReportPreset, string> PresetKeys = new()
    {
        [ReportPreset.Last7Days] = "last7", [ReportPreset.Last30Days] = "last30", [ReportPreset.Last90Days] = "last90",
        [ReportPreset.ThisQuarter] = "quarter", [ReportPreset.Custom] = "custom",
    };

    private static readonly Dictionary<ReportSource, string> SourceKeys = new()
    {
        [ReportSource.SelfService] = "self-service", [ReportSource.Agent] = "agent", [ReportSource.Alert] = "alert", [ReportSource.Api] = "api",
    };

    /// <summary>The query string, without "?"; a preset is kept by name so a bookmark rolls forward with the days.</summary>
    public static string ToQuery(ReportFilter filter, ReportSlice? slice = null)
    {
        var parts = new List<KeyValuePair<string, string?>>();
        if (filter.Preset == ReportPreset.Custom)
        {
            parts.Add(new("from", ReportDays.DayKey(filter.From)));
            parts.Add(new("to", ReportDays.DayKey(filter.To)));
        }
        else parts.Add(new("range", PresetKeys[filter.Preset]));
        if (!string.Equals(filter.TimeZoneId, "UTC", StringComparison.Ordinal)) parts.Add(new("tz", filter.TimeZoneId));
        if (filter.TeamId is { } team) parts.Add(new("team", Invariant(team)));
        if (filter.ServiceId is { } service) parts.Add(new("service", Invariant(service)));
        if (filter.CategoryId is { } category) parts.Add(new("category", Invariant(category)));
        if (filter.Priority is { } priority) parts.Add(new("priority", priority.ToString()));
        if (filter.Source is { } source) parts.Add(new("source", SourceKeys[source]));
        if (slice is not null) parts.Add(new(SliceKey, slice.Format()));
        return QueryString.Create(parts).ToUriComponent().TrimStart('?');
    }

    /// <summary>Reads an address's query (with or without "?").</summary>
    public static ReportFilter Parse(string? query, string? viewerTimeZone, DateTime nowUtc) =>
        Parse(QueryHelpers.ParseQuery(query ?? ""), viewerTimeZone, nowUtc);

    /// <param name="viewerTimeZone">Used when the address names no valid zone (<c>tz</c>).</param>
    public static ReportFilter Parse(IEnumerable<KeyValuePair<string, StringValues>> query, string? viewerTimeZone, DateTime nowUtc)
    {
        var values = query.GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.SelectMany(p => p.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim(), StringComparer.OrdinalIgnoreCase);
        string? Get(string key) => values.GetValueOrDefault(key);

        var zoneId = TimeZones.Normalize(Get("tz")) ?? TimeZones.Normalize(viewerTimeZone) ?? "UTC";
        var today = ReportFilter.Today(nowUtc, TimeZones.OrUtc(zoneId));
        var preset = PresetKeys.FirstOrDefault(p => string.Equals(p.Value, Get("range"), StringComparison.OrdinalIgnoreCase)).Key;
        var filter = ReportFilter.ForPreset(Get("range") is null ? ReportPreset.Last30Days : preset, today, zoneId);
        if (Get("range") is null || preset == ReportPreset.Custom)
        {
            if (ReportDays.TryParseDay(Get("from"), out var from) && ReportDays.TryParseDay(Get("to"), out var to)
                && from <= to && to.DayNumber - from.DayNumber < ReportFilter.MaxDays)
                filter = filter with { From = from, To = to, Preset = ReportPreset.Custom };
            else filter = ReportFilter.ForPreset(ReportPreset.Last30Days, today, zoneId);
        }
        return filter with
        {
            TeamId = Id(Get("team")),
            ServiceId = Id(Get("service")),
            CategoryId = Id(Get("category")),
            Priority = Enum.TryParse<Priority>(Get("priority"), ignoreCase: true, out var p) && Enum.IsDefined(p) && !int.TryParse(Get("priority"), out _) ? p : null,
            Source = SourceKeys.Where(s => string.Equals(s.Value, Get("source"), StringComparison.OrdinalIgnoreCase)).Select(s => (ReportSource?)s.Key).FirstOrDefault(),
        };
    }

    /// <summary>The slice named in the address, if any and valid.</summary>
    public static ReportSlice? ParseSlice(IEnumerable<KeyValuePair<string, StringValues>> query) =>
        query.Where(p => string.Equals(p.Key, SliceKey, StringComparison.OrdinalIgnoreCase)).SelectMany(p => p.Value)
            .Select(v => ReportSlice.TryParse(v, out var slice) ? slice : null).FirstOrDefault(s => s is not null);

    private static int? Id(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
