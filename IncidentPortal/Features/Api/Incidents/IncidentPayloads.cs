using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Api.Incidents;

/// <summary>Something the portal names: a service, category or team.</summary>
public sealed record ApiRef(int Id, string Name);

/// <summary>A person, by user id and display name.</summary>
public sealed record ApiPerson(string Id, string Name);

/// <summary>An incident as the caller may see it: a reporter gets the public view (no internal fields).</summary>
public sealed record ApiIncident(
    int Id, string Reference, int Version, string Title, string Description, IncidentStatus Status,
    Impact Impact, Urgency Urgency, Priority Priority, string? PriorityOverrideReason, IncidentSource Source,
    ApiRef? Service, ApiRef? Category, ApiRef? Team, ApiPerson? Assignee, ApiPerson Reporter, string? ReporterEmail, string? LoggedBy,
    OnHoldReason? OnHoldReason, ResolutionCode? ResolutionCode, string? ResolutionNotes, string? Workaround, string? CancelReason,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? FirstResponseAt, DateTime? ResolvedAt, DateTime? ClosedAt, int ReopenCount)
{
    public static ApiIncident From(IncidentDetails d) => new(
        d.Id, d.Reference, d.Version, d.Title, d.Description, d.Status, d.Impact, d.Urgency, d.Priority, d.PriorityOverrideReason, d.Source,
        Ref(d.ServiceId, d.ServiceName), Ref(d.CategoryId, d.CategoryName), Ref(d.TeamId, d.TeamName),
        d.AssigneeId is null ? null : new ApiPerson(d.AssigneeId, d.AssigneeName ?? ""), new ApiPerson(d.ReporterId, d.ReporterName),
        d.ReporterEmail, d.LoggedByName, d.OnHoldReason, d.ResolutionCode, d.ResolutionNotes, d.Workaround, d.CancelReason,
        d.CreatedAt, d.UpdatedAt, d.FirstResponseAt, d.ResolvedAt, d.ClosedAt, d.ReopenCount);

    private static ApiRef? Ref(int? id, string? name) => id is { } value ? new ApiRef(value, name ?? "") : null;
}

/// <summary>One incident in a list.</summary>
public sealed record ApiIncidentSummary(int Id, string Reference, int Version, string Title, IncidentStatus Status, Priority Priority,
    string? Service, string? Team, ApiPerson? Assignee, string Reporter, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static ApiIncidentSummary From(IncidentRow r) => new(r.Id, r.Reference, r.Version, r.Title, r.Status, r.Priority,
        r.Service, r.Team, r.AssigneeId is null ? null : new ApiPerson(r.AssigneeId, r.Assignee ?? ""), r.Reporter, r.CreatedAt, r.UpdatedAt);
}

/// <summary>A page of results. <see cref="Next"/> and <see cref="Previous"/> are ready-made links, null at the ends.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, int TotalPages, string? Next, string? Previous);

/// <summary>One line of an incident's timeline. Reporters get the public lines only.</summary>
public sealed record ApiTimelineEntry(long Id, DateTime At, string Actor, ActivityKind Kind, string Summary, string? Text, bool IsPublic)
{
    public static ApiTimelineEntry From(TimelineEntry e) => new(e.Id, e.At, e.Actor, e.Kind, e.Summary, e.Text, e.IsPublic);
}

/// <param name="ReporterId">Agents only: log the incident on behalf of this user (the caller).</param>
public sealed record ApiNewIncident(string? Title, Impact? Impact, Urgency? Urgency, string? Description = null,
    int? ServiceId = null, int? CategoryId = null, string? ReporterId = null);

/// <summary>
/// The fields to change (agents only); leave out what stays. <c>null</c> clears description, service, category or
/// assignee. <c>priority</c> with <c>priorityReason</c> overrides the matrix; <c>clearPriorityOverride</c> hands it back.
/// </summary>
public sealed record ApiIncidentPatch(string? Title = null, string? Description = null, Impact? Impact = null, Urgency? Urgency = null,
    int? ServiceId = null, int? CategoryId = null, int? TeamId = null, string? AssigneeId = null, Priority? Priority = null,
    string? PriorityReason = null, bool? ClearPriorityOverride = null);

public enum ApiTransitionAction { Start, Hold, Resolve, Close, Cancel, Reopen }

/// <summary>
/// A status move. <c>hold</c> needs <c>holdReason</c>; <c>resolve</c> needs <c>resolutionCode</c> and <c>notes</c>
/// (and may carry a <c>workaround</c>); <c>resolve</c> with <c>Duplicate</c> needs <c>duplicateOf</c> (the original's reference)
/// instead of notes, and closes it as that incident's duplicate; <c>cancel</c> needs <c>reason</c>; <c>reopen</c> needs <c>comment</c>.
/// </summary>
public sealed record ApiTransition(ApiTransitionAction? Action, OnHoldReason? HoldReason = null, ResolutionCode? ResolutionCode = null,
    string? Notes = null, string? Workaround = null, string? Reason = null, string? Comment = null, string? DuplicateOf = null);

/// <param name="IsPublic">True: a comment the reporter sees. False: an internal work note (agents only).
/// Left out: public for the reporter, a work note for agents (the safe default).</param>
public sealed record ApiNewComment(string? Text, bool? IsPublic = null);
