namespace IncidentPortal.Features.StatusPage.Public;

/// <summary>
/// Everything the public status outputs show, read from the database in one go and kept in memory: pages, the JSON
/// summary and the feed are all drawn from it, so a traffic flood never reaches the database and an unreachable
/// database still leaves the last known state to show. Holds only published, public text.
/// </summary>
public sealed record StatusSnapshot(
    DateTime BuiltAt,
    ComponentStatus Overall,
    IReadOnlyList<ComponentGroupView> Groups,
    IReadOnlyList<IncidentView> Incidents,
    IReadOnlyList<MaintenanceView> Maintenances)
{
    public IEnumerable<ComponentView> Components => Groups.SelectMany(g => g.Components);
    public IEnumerable<IncidentView> ActiveIncidents => Incidents.Where(i => i.Phase != IncidentPhase.Resolved);
    public IEnumerable<MaintenanceView> ActiveOrUpcomingMaintenances =>
        Maintenances.Where(m => m.State is MaintenanceState.Scheduled or MaintenanceState.InProgress);

    /// <summary>The banner line: "All systems operational" or what the worst component is going through.</summary>
    public string Headline => Overall switch
    {
        ComponentStatus.Operational when ActiveIncidents.Any() => "Some systems are affected",
        ComponentStatus.Operational => "All systems operational",
        ComponentStatus.UnderMaintenance => "Scheduled maintenance in progress",
        ComponentStatus.DegradedPerformance => "Degraded performance",
        ComponentStatus.PartialOutage => "Partial outage",
        _ => "Major outage",
    };

    public static readonly StatusSnapshot Empty = new(DateTime.MinValue, ComponentStatus.Operational, [], [], []);
}

public sealed record ComponentGroupView(string? Name, IReadOnlyList<ComponentView> Components)
{
    public ComponentStatus Worst => StatusText.Worst(Components.Select(c => c.Status));
}

public sealed record ComponentView(int Id, string Name, string? Description, string? Group, int Position, ComponentStatus Status,
    DateTime UpdatedAt, double UptimePercent, IReadOnlyList<UptimeDay> Days);

/// <summary>One day of a component's uptime bar: the worst status that day and what happened.</summary>
public sealed record UptimeDay(DateOnly Date, ComponentStatus Worst, bool HasData, IReadOnlyList<string> Events);

public sealed record IncidentView(int Id, string Title, IncidentPhase Phase, DateTime CreatedAt, DateTime UpdatedAt, DateTime? ResolvedAt,
    IReadOnlyList<ImpactView> Impacts, IReadOnlyList<UpdateView> Updates)
{
    public ComponentStatus Impact => StatusText.Worst(Impacts.Select(i => i.Status).Concat(Updates.SelectMany(u => u.Affected).Select(a => a.Status)));
}

public sealed record ImpactView(int ComponentId, string ComponentName, ComponentStatus Status);

/// <summary>A published update, newest first in <see cref="IncidentView.Updates"/>.</summary>
public sealed record UpdateView(long Id, IncidentPhase Phase, string Message, DateTime At, IReadOnlyList<ImpactView> Affected);

public sealed record MaintenanceView(int Id, string Title, string Message, DateTime StartsAt, DateTime EndsAt, MaintenanceState State,
    DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<ImpactView> Components);
