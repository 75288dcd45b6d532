using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Tests.Features.Incidents;

/// <summary>Builds incidents in a given state through the domain's own methods, as the app does.</summary>
internal static class IncidentBuilder
{
    public static readonly DateTime Start = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
    public static readonly ChangeContext Reporter = new("reporter-1", Start, ActorIsAgent: false);
    public static readonly ChangeContext Agent = new("agent-1", Start.AddMinutes(10), ActorIsAgent: true);
    public static readonly Named<int> Network = new(2, "Network");
    public static readonly Named<string> Alex = new("agent-1", "Alex Agent");

    public static Incident New(Impact impact = Impact.Medium, Urgency urgency = Urgency.Medium) =>
        Incident.Report(1, new IncidentDraft("  VPN down  ", " Cannot connect ", impact, urgency, IncidentSource.Portal, 1, null),
            Reporter.ActorId!, Reporter, PriorityMatrix.ItilDefault);

    public static Incident InState(IncidentStatus status)
    {
        var incident = New();
        if (status == IncidentStatus.New) return incident;
        if (status == IncidentStatus.Cancelled) { incident.Cancel(Agent, "Duplicate"); return incident; }
        incident.Assign(Agent, Network, Alex);
        if (status == IncidentStatus.Assigned) return incident;
        incident.StartWork(Agent);
        if (status == IncidentStatus.InProgress) return incident;
        if (status == IncidentStatus.OnHold) { incident.PutOnHold(Agent, OnHoldReason.AwaitingVendor); return incident; }
        incident.Resolve(Agent, ResolutionCode.Fixed, "Restarted the gateway", null);
        if (status == IncidentStatus.Resolved) return incident;
        incident.Close(Agent);
        return incident;
    }

    /// <summary>Drives <paramref name="incident"/> to <paramref name="target"/> with the method meant for that move.</summary>
    public static void MoveTo(Incident incident, IncidentStatus target)
    {
        switch (target)
        {
            case IncidentStatus.Assigned: incident.Assign(Agent, Network, null); break;
            case IncidentStatus.InProgress: incident.StartWork(Agent); break;
            case IncidentStatus.OnHold: incident.PutOnHold(Agent, OnHoldReason.AwaitingUser); break;
            case IncidentStatus.Resolved: incident.Resolve(Agent, ResolutionCode.Fixed, "Done", null); break;
            case IncidentStatus.Closed: incident.Close(Agent); break;
            case IncidentStatus.Cancelled: incident.Cancel(Agent, "Raised in error"); break;
            case IncidentStatus.New: throw new IncidentRuleException("Nothing moves an incident back to New directly.");
        }
    }
}
