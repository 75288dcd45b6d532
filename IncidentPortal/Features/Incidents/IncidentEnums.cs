namespace IncidentPortal.Features.Incidents;

public enum IncidentStatus { New, Assigned, InProgress, OnHold, Resolved, Closed, Cancelled }

public enum Impact { High = 1, Medium = 2, Low = 3 }

public enum Urgency { High = 1, Medium = 2, Low = 3 }

public enum Priority { P1 = 1, P2 = 2, P3 = 3, P4 = 4, P5 = 5 }

/// <summary>How the incident reached the portal; <see cref="Api"/>: reported through the REST API (added at the end: stored by name).</summary>
public enum IncidentSource { Portal, Agent, Email, Monitoring, Api }

public enum OnHoldReason { AwaitingUser, AwaitingVendor, AwaitingChange }

public enum ResolutionCode { Fixed, Workaround, NotReproducible, UserError, Duplicate, NoActionNeeded }

public static class IncidentText
{
    public static string Label(IncidentStatus status) => status switch
    {
        IncidentStatus.InProgress => "In progress",
        IncidentStatus.OnHold => "On hold",
        _ => status.ToString(),
    };

    public static string Label(OnHoldReason reason) => reason switch
    {
        OnHoldReason.AwaitingUser => "Awaiting user",
        OnHoldReason.AwaitingVendor => "Awaiting vendor",
        OnHoldReason.AwaitingChange => "Awaiting change",
        _ => reason.ToString(),
    };

    public static string Label(ResolutionCode code) => code switch
    {
        ResolutionCode.NotReproducible => "Not reproducible",
        ResolutionCode.UserError => "User error",
        ResolutionCode.NoActionNeeded => "No action needed",
        _ => code.ToString(),
    };
}
