using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Tasks;

/// <summary>One task as the incident's task list shows it.</summary>
public sealed record TaskRow(int Id, int IncidentId, string Title, string Description, int? TeamId, string? Team,
    string? OwnerId, string? Owner, DateTime? DueAt, IncidentTaskStatus Status, string? CompletionNote,
    string? CreatedBy, DateTime CreatedAt, DateTime? CompletedAt, int Version)
{
    public bool IsOpen => IncidentTask.IsOpenStatus(Status);
    public bool IsOverdue(DateTime now) => IncidentTask.IsOverdue(Status, DueAt, now);
    public TaskInput ToInput() => new(Title, Description, TeamId, OwnerId, DueAt);
}

/// <summary>A task in someone's My tasks view, with the incident it belongs to.</summary>
public sealed record MyTaskRow(int Id, string Title, string? Team, string? OwnerId, string? Owner, DateTime? DueAt,
    IncidentTaskStatus Status, int IncidentId, int IncidentNumber, string IncidentTitle, Priority Priority,
    IncidentStatus IncidentStatus, int Version)
{
    public string IncidentReference => Incident.FormatReference(IncidentNumber);
    public bool IsOverdue(DateTime now) => IncidentTask.IsOverdue(Status, DueAt, now);
}
