using System.Globalization;
using IncidentPortal.Features.Time;

namespace IncidentPortal.Features.MajorIncidents.Pages;

/// <summary>How the war room writes times, durations and kinds.</summary>
public static class WarRoomText
{
    /// <summary>"14:05" in the reader's zone: the log reads like a radio log; the date only when it is not today there.</summary>
    public static string Clock(DateTime at, DateTime now, TimeZoneInfo zone)
    {
        var (local, localNow) = (TimeText.ToZone(at, zone).Local, TimeText.ToZone(now, zone).Local);
        return local.ToString(local.Date == localNow.Date ? "HH:mm" : "d MMM HH:mm", CultureInfo.InvariantCulture);
    }

    public static string Exact(DateTime at, TimeZoneInfo zone) => TimeText.Absolute(at, zone);

    /// <summary>"2 h 5 min", "12 min": durations of a response.</summary>
    public static string Duration(TimeSpan? span)
    {
        if (span is not { } value) return "not yet";
        return TimeText.Duration(value < TimeSpan.Zero ? TimeSpan.Zero : value);
    }

    public static string Kind(LogEntryKind kind) => kind switch
    {
        LogEntryKind.Lifecycle => "Lifecycle",
        LogEntryKind.Role => "Role",
        LogEntryKind.Communication => "Stakeholder update",
        LogEntryKind.PublicUpdate => "Public update",
        _ => kind.ToString(),
    };

    public static MudBlazor.Color KindColor(LogEntryKind kind) => kind switch
    {
        LogEntryKind.Fact => MudBlazor.Color.Info,
        LogEntryKind.Decision => MudBlazor.Color.Secondary,
        LogEntryKind.Communication or LogEntryKind.PublicUpdate => MudBlazor.Color.Success,
        LogEntryKind.Note => MudBlazor.Color.Primary,
        _ => MudBlazor.Color.Default,
    };

    public static MudBlazor.Color StateColor(MajorIncidentState state) => state switch
    {
        MajorIncidentState.Declared => MudBlazor.Color.Error,
        MajorIncidentState.Mitigated => MudBlazor.Color.Warning,
        MajorIncidentState.Resolved or MajorIncidentState.InReview => MudBlazor.Color.Success,
        _ => MudBlazor.Color.Default,
    };
}
