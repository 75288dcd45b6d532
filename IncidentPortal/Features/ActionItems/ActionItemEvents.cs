namespace IncidentPortal.Features.ActionItems;

/// <summary>Published after an action item change is committed, with the owner before and after, so lists can tell whether it concerns them.</summary>
public sealed record ActionItemChanged(int ItemId, int IncidentId, int? ReviewId, string? OwnerId, string? PreviousOwnerId, ActionItemStatus Status);
