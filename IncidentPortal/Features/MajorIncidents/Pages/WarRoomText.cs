using System.Globalization;

namespace IncidentPortal.Features.MajorIncidents.Pages;

/// <summary>How the war room writes times, durations and kinds.</summary>
public static class WarRoomText
{
    /// <summary>"14:05" (UTC): the log reads like a radio log; the date only when it is not today.</summary>
    public static string Clock(DateTime at, DateTime now) => at.Date == now.Date
        ? at.ToString("HH:mm", CultureInfo.InvariantCulture)
        : at.ToString("d MMM HH:mm", CultureInfo.InvariantCulture);

    public static string Exact(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"2 h 05 min", "12 min", "40 s": durations of a response.</summary>
    public static string Duration(TimeSpan? span)
    {
        if (span is not { } value) return "not yet";
        if (value < TimeSpan.Zero) value = TimeSpan.Zero;
        if (value.TotalMinutes < 1) return $"{(int)value.TotalSeconds} s";
        if (value.TotalHours < 1) return $"{(int)value.TotalMinutes} min";
        if (value.TotalDays < 1) return $"{(int)value.TotalHours} h {value.Minutes:D2} min";
        return $"{(int)value.TotalDays} d {value.Hours} h";
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
