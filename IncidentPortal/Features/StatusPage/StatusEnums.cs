namespace IncidentPortal.Features.StatusPage;

/// <summary>A component's status as the public sees it, in Statuspage's terms. Ordered from best to worst.</summary>
public enum ComponentStatus { Operational, UnderMaintenance, DegradedPerformance, PartialOutage, MajorOutage }

/// <summary>Where a public incident stands, as its updates say (Statuspage's phases).</summary>
public enum IncidentPhase { Investigating, Identified, Monitoring, Resolved }

public enum MaintenanceState { Scheduled, InProgress, Completed, Cancelled }

public static class StatusText
{
    public static string Label(ComponentStatus status) => status switch
    {
        ComponentStatus.Operational => "Operational",
        ComponentStatus.UnderMaintenance => "Under maintenance",
        ComponentStatus.DegradedPerformance => "Degraded performance",
        ComponentStatus.PartialOutage => "Partial outage",
        ComponentStatus.MajorOutage => "Major outage",
        _ => status.ToString(),
    };

    /// <summary>The machine name Statuspage's summary API uses ("degraded_performance").</summary>
    public static string ApiName(ComponentStatus status) => status switch
    {
        ComponentStatus.Operational => "operational",
        ComponentStatus.UnderMaintenance => "under_maintenance",
        ComponentStatus.DegradedPerformance => "degraded_performance",
        ComponentStatus.PartialOutage => "partial_outage",
        ComponentStatus.MajorOutage => "major_outage",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string ApiName(IncidentPhase phase) => phase.ToString().ToLowerInvariant();

    /// <summary>The worst of several statuses ("worst wins"); Operational for none.</summary>
    public static ComponentStatus Worst(IEnumerable<ComponentStatus> statuses) =>
        statuses.DefaultIfEmpty(ComponentStatus.Operational).Max();
}
