namespace IncidentPortal.Features.Incidents;

/// <summary>
/// Published after an incident change is committed. Carries enough for a list to decide whether the incident
/// concerns it (team, assignee, reporter) without a query; pages reload what they show from the database.
/// </summary>
public abstract record IncidentEvent(int IncidentId, int Number, int Version, string? ActorId, string ActorName,
    string ReporterId, int? TeamId, string? AssigneeId, IncidentStatus Status)
{
    public string Reference => Incident.FormatReference(Number);
}

public sealed record IncidentCreated(int IncidentId, int Number, int Version, string? ActorId, string ActorName,
    string ReporterId, int? TeamId, string? AssigneeId, IncidentStatus Status)
    : IncidentEvent(IncidentId, Number, Version, ActorId, ActorName, ReporterId, TeamId, AssigneeId, Status);

/// <param name="Changes">Human-readable summary of what changed ("Status: New → Assigned").</param>
/// <param name="PreviousTeamId">Set when the team changed, so the old team's views can drop it.</param>
/// <param name="PreviousAssigneeId">Set when the assignee changed.</param>
public sealed record IncidentUpdated(int IncidentId, int Number, int Version, string? ActorId, string ActorName,
    string ReporterId, int? TeamId, string? AssigneeId, IncidentStatus Status,
    IReadOnlyList<string> Changes, bool HasPublicChange, int? PreviousTeamId, string? PreviousAssigneeId)
    : IncidentEvent(IncidentId, Number, Version, ActorId, ActorName, ReporterId, TeamId, AssigneeId, Status);
