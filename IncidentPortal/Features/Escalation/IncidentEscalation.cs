namespace IncidentPortal.Features.Escalation;

/// <summary>Functional: to the next support tier (another team). Hierarchical: up the management line.</summary>
public enum EscalationKind { Functional, Hierarchical }

/// <summary>Who a hierarchical escalation notifies.</summary>
public enum HierarchicalTarget { TeamLead, IncidentManagers }

/// <summary>One escalation of an incident, manual or automatic (SLA); the header counts them to show the level.</summary>
public class IncidentEscalation
{
    public const int MaxReasonLength = 500;

    public long Id { get; set; }
    public int IncidentId { get; set; }
    public EscalationKind Kind { get; set; }
    public HierarchicalTarget? Target { get; set; }
    public int? FromTeamId { get; set; }
    public int? ToTeamId { get; set; }
    public string Reason { get; set; } = "";
    /// <summary>Null when the system escalated (SLA).</summary>
    public string? ById { get; set; }
    public DateTime At { get; set; }
}
