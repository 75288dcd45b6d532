namespace IncidentPortal.Features.Incidents;

/// <summary>
/// The legal status moves, in one table. <see cref="Incident"/> refuses anything not listed here, so an
/// illegal transition is impossible whatever the UI shows.
/// </summary>
public static class IncidentLifecycle
{
    private static readonly Dictionary<IncidentStatus, IncidentStatus[]> Moves = new()
    {
        [IncidentStatus.New] = [IncidentStatus.Assigned, IncidentStatus.Cancelled],
        [IncidentStatus.Assigned] = [IncidentStatus.InProgress, IncidentStatus.OnHold, IncidentStatus.Resolved, IncidentStatus.Cancelled],
        [IncidentStatus.InProgress] = [IncidentStatus.OnHold, IncidentStatus.Resolved, IncidentStatus.Cancelled],
        [IncidentStatus.OnHold] = [IncidentStatus.InProgress, IncidentStatus.Resolved, IncidentStatus.Cancelled],
        // Reopening goes back to work: InProgress when someone holds it, Assigned/New otherwise.
        [IncidentStatus.Resolved] = [IncidentStatus.Closed, IncidentStatus.InProgress, IncidentStatus.Assigned, IncidentStatus.New],
        [IncidentStatus.Closed] = [],
        [IncidentStatus.Cancelled] = [],
    };

    public static bool CanMove(IncidentStatus from, IncidentStatus to) => Moves[from].Contains(to);

    public static IReadOnlyList<IncidentStatus> NextFrom(IncidentStatus from) => Moves[from];

    public static bool IsOpen(IncidentStatus status) =>
        status is not (IncidentStatus.Resolved or IncidentStatus.Closed or IncidentStatus.Cancelled);

    /// <summary>
    /// The two moves outside the table, both for duplicates: marking one closes it from any open or resolved status
    /// (its work happens on the original), and undoing that returns it to work as a reopen would.
    /// </summary>
    public static bool CanCloseAsDuplicate(IncidentStatus from) => IsOpen(from) || from == IncidentStatus.Resolved;

    public static IncidentStatus AfterDuplicateUndone(bool hasAssignee, bool hasTeam) =>
        hasAssignee ? IncidentStatus.InProgress : hasTeam ? IncidentStatus.Assigned : IncidentStatus.New;

    public static readonly IncidentStatus[] OpenStatuses =
        [IncidentStatus.New, IncidentStatus.Assigned, IncidentStatus.InProgress, IncidentStatus.OnHold];
}

/// <summary>Thrown for a change the incident's rules do not allow; the message is meant for the user.</summary>
public class IncidentRuleException(string message) : InvalidOperationException(message);
