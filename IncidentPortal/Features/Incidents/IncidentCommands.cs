namespace IncidentPortal.Features.Incidents;

/// <summary>Everything a person can do to an existing incident; <see cref="IncidentService.ChangeAsync"/> applies one.</summary>
public abstract record IncidentCommand;

public sealed record EditIncident(string Title, string? Description, Impact Impact, Urgency Urgency, int? ServiceId, int? CategoryId) : IncidentCommand;
public sealed record OverridePriority(Priority Priority, string Reason) : IncidentCommand;
public sealed record AssignIncident(int TeamId, string? AssigneeId) : IncidentCommand;
/// <summary>Drops a priority override: the impact × urgency matrix decides again.</summary>
public sealed record ClearPriorityOverride : IncidentCommand;

/// <summary>
/// The workspace's one Save: field edits, a priority override (or its removal) and the assignment, applied together
/// so they succeed or fail as one. Null parts are left alone.
/// </summary>
public sealed record SaveIncidentFields(EditIncident? Edit, OverridePriority? Override, bool ClearOverride, AssignIncident? Assign)
    : IncidentCommand
{
    public bool IsEmpty => Edit is null && Override is null && !ClearOverride && Assign is null;
}
public sealed record StartWork : IncidentCommand;
public sealed record PutOnHold(OnHoldReason Reason) : IncidentCommand;
/// <param name="ConfirmOpenTasks">Resolve even though tasks are still open (Features/Tasks/OpenTaskCheck); without it that is refused.</param>
/// <param name="CancelOpenTasks">With the confirmation: cancel those open tasks too.</param>
/// <param name="DuplicateOf">With the code Duplicate (and only then): the reference of the incident this one duplicates.
/// Resolving as a duplicate is marking one (IncidentService.MarkDuplicateAsync): closed, linked, its reporter follows the original.</param>
public sealed record ResolveIncident(ResolutionCode Code, string Notes, string? Workaround, bool ConfirmOpenTasks = false,
    bool CancelOpenTasks = false, string? DuplicateOf = null) : IncidentCommand;
public sealed record CloseIncident : IncidentCommand;
public sealed record CancelIncident(string Reason) : IncidentCommand;
public sealed record AddComment(string Text, bool IsPublic) : IncidentCommand;
public sealed record ReopenIncident(string Comment) : IncidentCommand;
/// <summary>Closes the incident as a duplicate of another (IncidentService.MarkDuplicateAsync checks the original).</summary>
public sealed record MarkDuplicate(int OriginalId, string OriginalReference) : IncidentCommand;
public sealed record UnmarkDuplicate(string OriginalReference) : IncidentCommand;
/// <summary>A timeline entry for something the portal did or noticed; see <see cref="Incident.RecordEvent"/>.</summary>
public sealed record RecordIncidentEvent(string Topic, string Text, bool IsPublic = false) : IncidentCommand;

/// <summary>Someone else changed the incident since it was loaded; <see cref="Missed"/> says what, so the user can re-apply.</summary>
public sealed class IncidentConflictException(IReadOnlyList<string> missed)
    : Exception("Someone else changed this incident while you were editing it.")
{
    public IReadOnlyList<string> Missed { get; } = missed;
}

/// <summary>The incident does not exist, or the actor may not see it: the same answer for both, so ids leak nothing.</summary>
public sealed class IncidentNotFoundException() : Exception("That incident does not exist or is not yours to see.");
