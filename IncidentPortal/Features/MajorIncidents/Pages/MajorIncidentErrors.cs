using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.MajorIncidents.Pages;

/// <summary>The refusals a major-incident form shows as they are: their messages are written for the user.</summary>
public static class MajorIncidentErrors
{
    public static bool IsForUser(Exception e) => e is MajorIncidentRuleException or MajorIncidentNotFoundException
        or MajorIncidentConflictException or IncidentNotFoundException or IncidentRuleException;

    public static readonly MudBlazor.DialogOptions Options = new()
    {
        CloseOnEscapeKey = true, MaxWidth = MudBlazor.MaxWidth.Small, FullWidth = true, BackdropClick = false,
        DefaultFocus = MudBlazor.DefaultFocus.FirstChild,
    };
}
