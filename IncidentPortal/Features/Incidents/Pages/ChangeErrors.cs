namespace IncidentPortal.Features.Incidents.Pages;

/// <summary>What a page tells the user when a change to an incident is refused.</summary>
public static class ChangeErrors
{
    /// <summary>The message for a refused change; null for an exception that is a bug, which the page must not swallow.</summary>
    public static string? MessageFor(Exception exception) => exception switch
    {
        IncidentRuleException rule => rule.Message,
        IncidentConflictException => "Others were changing this incident at the same moment. Please try again.",
        IncidentNotFoundException => "This incident is no longer available to you.",
        _ => null,
    };
}
