namespace IncidentPortal.Features.Tasks;

/// <summary>
/// Published after a task change is committed, so open task lists and My tasks views reload. Carries the owner and
/// team before and after, so a view can tell whether the task concerns it.
/// </summary>
public sealed record IncidentTaskChanged(int TaskId, int IncidentId, string? ActorId, string ActorName,
    int? TeamId, string? OwnerId, int? PreviousTeamId, string? PreviousOwnerId, IncidentTaskStatus Status, string Summary);
