using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Time;

namespace IncidentPortal.Features.Reports;

/// <summary>The range presets the Reports page offers; <see cref="Custom"/> keeps the given days.</summary>
public enum ReportPreset { Last7Days, Last30Days, Last90Days, ThisQuarter, Custom }

/// <summary>
/// Where incidents came from, as managers group them. The portal and e-mail are self-service; an agent logging a call
/// is Agent; monitoring alerts are Alert; anything reported through the REST API is Api (<see cref="IncidentSource.Api"/>).
/// </summary>
public enum ReportSource { SelfService, Agent, Alert, Api }

/// <summary>Days for ranges up to <see cref="ReportFilter.MaxDailyDays"/> days, ISO weeks (Monday first) beyond.</summary>
public enum ReportGrain { Day, Week }

/// <summary>
/// What a report covers: the days <see cref="From"/> to <see cref="To"/> inclusive, read in <see cref="TimeZoneId"/>
/// (the viewer's zone decides where a day starts), narrowed by the optional filters. Build it with
/// <see cref="ForPreset"/> or <see cref="ReportUrl.Parse(string?, string?, DateTime)"/>; both keep it valid.
/// </summary>
public sealed record ReportFilter
{
    public const int MaxDays = 732;
    public const int MaxDailyDays = 62;

    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    public string TimeZoneId { get; init; } = "UTC";
    public ReportPreset Preset { get; init; } = ReportPreset.Custom;
    public int? TeamId { get; init; }
    public int? ServiceId { get; init; }
    /// <summary>A parent category also matches its subcategories, as in the queue.</summary>
    public int? CategoryId { get; init; }
    public Priority? Priority { get; init; }
    public ReportSource? Source { get; init; }

    public int Days => To.DayNumber - From.DayNumber + 1;
    public ReportGrain Grain => Days > MaxDailyDays ? ReportGrain.Week : ReportGrain.Day;
    public TimeZoneInfo Zone => TimeZones.OrUtc(TimeZoneId);

    /// <summary>The first instant of <see cref="From"/> in the zone, as UTC.</summary>
    public DateTime StartUtc => ReportDays.StartOfDayUtc(From, Zone);
    /// <summary>The first instant after <see cref="To"/> in the zone, as UTC (exclusive end).</summary>
    public DateTime EndUtc => ReportDays.StartOfDayUtc(To.AddDays(1), Zone);

    public bool HasFilters => TeamId is not null || ServiceId is not null || CategoryId is not null || Priority is not null || Source is not null;

    /// <summary>The same number of days, ending the day before <see cref="From"/>, with the same filters: what a trend compares with.</summary>
    public ReportFilter PreviousPeriod() => this with { From = From.AddDays(-Days), To = From.AddDays(-1), Preset = ReportPreset.Custom };

    /// <summary>The days of a preset ending today (in the zone); Custom gives the last 30 days.</summary>
    public static ReportFilter ForPreset(ReportPreset preset, DateOnly today, string? timeZoneId)
    {
        var (from, to) = preset switch
        {
            ReportPreset.Last7Days => (today.AddDays(-6), today),
            ReportPreset.Last90Days => (today.AddDays(-89), today),
            ReportPreset.ThisQuarter => (new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1), today),
            _ => (today.AddDays(-29), today),
        };
        return new ReportFilter { From = from, To = to, Preset = preset, TimeZoneId = TimeZones.Normalize(timeZoneId) ?? "UTC" };
    }

    /// <summary>Today in the viewer's zone.</summary>
    public static DateOnly Today(DateTime nowUtc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));

    public static IReadOnlyList<IncidentSource> SourcesOf(ReportSource source) => source switch
    {
        ReportSource.SelfService => [IncidentSource.Portal, IncidentSource.Email],
        ReportSource.Agent => [IncidentSource.Agent],
        ReportSource.Alert => [IncidentSource.Monitoring],
        _ => [IncidentSource.Api],
    };

    public static string Label(ReportSource source) => source switch
    {
        ReportSource.SelfService => "Self-service",
        ReportSource.Agent => "Logged by an agent",
        ReportSource.Alert => "Monitoring alert",
        _ => "REST API",
    };

    public static string Label(ReportPreset preset) => preset switch
    {
        ReportPreset.Last7Days => "Last 7 days",
        ReportPreset.Last30Days => "Last 30 days",
        ReportPreset.Last90Days => "Last 90 days",
        ReportPreset.ThisQuarter => "This quarter",
        _ => "Custom range",
    };
}
