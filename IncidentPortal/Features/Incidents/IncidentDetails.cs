namespace IncidentPortal.Features.Incidents;

public sealed record TimelineEntry(long Id, DateTime At, string Actor, ActivityKind Kind, string Summary, string? Text, bool IsPublic)
{
    /// <summary>The incident version the entry was made in: a comment's anchor (#note-{Version}) in notifications.</summary>
    public int Version { get; init; }
}

/// <summary>One incident as a page shows it. For a reporter, internal fields are empty and the timeline is public-only.</summary>
public sealed record IncidentDetails(
    int Id, int Number, int Version, string Title, string Description, IncidentStatus Status,
    Impact Impact, Urgency Urgency, Priority Priority, string? PriorityOverrideReason, IncidentSource Source,
    int? ServiceId, string? ServiceName, int? CategoryId, string? CategoryName,
    int? TeamId, string? TeamName, string? AssigneeId, string? AssigneeName,
    string ReporterId, string ReporterName, string? ReporterEmail, string? LoggedByName,
    OnHoldReason? OnHoldReason, ResolutionCode? ResolutionCode, string? ResolutionNotes, string? Workaround, string? CancelReason,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? FirstResponseAt, DateTime? ResolvedAt, DateTime? ClosedAt, int ReopenCount,
    IReadOnlyList<TimelineEntry> Timeline)
{
    public string Reference => Incident.FormatReference(Number);
    public bool IsOpen => IncidentLifecycle.IsOpen(Status);
    /// <summary>The viewer is not its reporter but reported a duplicate of it: a read-only view of its public parts.</summary>
    public bool ViewerFollows { get; init; }
}

public sealed record IncidentRow(int Id, int Number, string Title, IncidentStatus Status, Priority Priority,
    string? Service, string? Team, string? Assignee, string Reporter, DateTime CreatedAt, DateTime UpdatedAt)
{
    public string Reference => Incident.FormatReference(Number);
    public int? TeamId { get; init; }
    public string? AssigneeId { get; init; }
    /// <summary>The version this row showed: acting on it refuses to overwrite a change made since.</summary>
    public int Version { get; init; }
}
