using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.MajorIncidents.Pages.Linking;

/// <summary>What a page says when linking or unlinking is refused; null for an exception that is a bug.</summary>
public static class LinkErrors
{
    public static string? MessageFor(Exception exception) => exception switch
    {
        MajorIncidentRuleException rule => rule.Message,
        MajorIncidentNotFoundException or MajorIncidentConflictException => exception.Message,
        IncidentNotFoundException => "One of these incidents no longer exists or is not yours to see.",
        IncidentRuleException or IncidentConflictException => IncidentPortal.Features.Incidents.Pages.ChangeErrors.MessageFor(exception),
        _ => null,
    };
}
