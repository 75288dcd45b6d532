namespace IncidentPortal.Features.StatusPage;

/// <summary>
/// Planned work announced in advance. Its components show Under maintenance while it is in progress; the state moves
/// on its own at the window's start and end (see <see cref="Advance"/>), so nobody has to remember to flip it.
/// </summary>
public class ScheduledMaintenance
{
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public MaintenanceState State { get; private set; }
    public List<MaintenanceComponent> Components { get; } = [];
    public string? CreatedById { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    private ScheduledMaintenance() { }

    public static ScheduledMaintenance Schedule(string title, string message, DateTime startsAt, DateTime endsAt,
        IReadOnlyCollection<int> componentIds, string? byUserId, DateTime now)
    {
        var maintenance = new ScheduledMaintenance { CreatedById = byUserId, CreatedAt = now, State = MaintenanceState.Scheduled };
        maintenance.Change(title, message, startsAt, endsAt, componentIds, now);
        return maintenance;
    }

    public void Change(string title, string message, DateTime startsAt, DateTime endsAt, IReadOnlyCollection<int> componentIds, DateTime now)
    {
        if (State is MaintenanceState.Completed or MaintenanceState.Cancelled) throw new StatusRuleException("This maintenance is over and can no longer change.");
        if (endsAt <= startsAt) throw new StatusRuleException("The window must end after it starts.");
        if (State == MaintenanceState.Scheduled && endsAt <= now) throw new StatusRuleException("The window is already over.");
        if (componentIds.Count == 0) throw new StatusRuleException("Choose at least one component.");
        Title = PublicIncident.Text(title, PublicIncident.MaxTitleLength, "The title");
        Message = PublicIncident.Text(message, PublicIncident.MaxMessageLength, "The message");
        (StartsAt, EndsAt, UpdatedAt) = (startsAt, endsAt, now);
        Components.RemoveAll(c => !componentIds.Contains(c.ComponentId));
        Components.AddRange(componentIds.Where(id => Components.All(c => c.ComponentId != id)).Select(id => new MaintenanceComponent(id)));
        Version++;
    }

    /// <summary>Moves the state to where the clock says it is; returns whether it changed.</summary>
    public bool Advance(DateTime now)
    {
        var next = State switch
        {
            MaintenanceState.Scheduled when now >= EndsAt => MaintenanceState.Completed,
            MaintenanceState.Scheduled when now >= StartsAt => MaintenanceState.InProgress,
            MaintenanceState.InProgress when now >= EndsAt => MaintenanceState.Completed,
            _ => State,
        };
        if (next == State) return false;
        State = next;
        UpdatedAt = now;
        Version++;
        return true;
    }

    public void Cancel(DateTime now)
    {
        if (State is MaintenanceState.Completed or MaintenanceState.Cancelled) throw new StatusRuleException("This maintenance is already over.");
        State = MaintenanceState.Cancelled;
        UpdatedAt = now;
        Version++;
    }
}

public class MaintenanceComponent
{
    public int MaintenanceId { get; private set; }
    public int ComponentId { get; private set; }

    private MaintenanceComponent() { }

    internal MaintenanceComponent(int componentId) => ComponentId = componentId;
}

/// <summary>
/// A stretch of time a component spent in one status: the 90-day uptime bars and their tooltips are drawn from these.
/// The open one (no <see cref="EndedAt"/>) is the current status.
/// </summary>
public class ComponentStatusPeriod
{
    public long Id { get; private set; }
    public int ComponentId { get; private set; }
    public ComponentStatus Status { get; private set; }
    public DateTime StartedAt { get; private set; }
    public DateTime? EndedAt { get; private set; }
    /// <summary>What caused it, for the tooltip ("Email delays", "Planned database upgrade").</summary>
    public string? Cause { get; private set; }

    private ComponentStatusPeriod() { }

    public static ComponentStatusPeriod Begin(int componentId, ComponentStatus status, DateTime at, string? cause) => new()
    {
        ComponentId = componentId, Status = status, StartedAt = at,
        Cause = cause is null ? null : cause.Length <= 300 ? cause : cause[..299] + "…",
    };

    public void End(DateTime at) => EndedAt ??= at;
}
