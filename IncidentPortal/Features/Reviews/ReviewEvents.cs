namespace IncidentPortal.Features.Reviews;

/// <summary>Published after a review change is committed (a section saved, a comment, a workflow step), so open pages reload.</summary>
/// <param name="SectionId">The section saved or commented on; null for workflow changes.</param>
public sealed record ReviewChanged(int ReviewId, int IncidentId, int? SectionId, string? ActorId, string ActorName, string What);

/// <summary>Who has a review open, and which section each is editing, changed.</summary>
public sealed record ReviewPresenceChanged(int ReviewId);
