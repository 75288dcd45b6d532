namespace IncidentPortal.Features.Routing;

public enum AutoAssignMode { Off, RoundRobin, LeastOpenWork }

/// <summary>
/// A team's auto-assignment setting and its round-robin turn. Kept beside the team rather than on it, so the Team
/// entity stays as it is; a team without a row does not auto-assign.
/// </summary>
public class TeamAutoAssignment
{
    public int TeamId { get; private set; }
    public AutoAssignMode Mode { get; private set; }
    /// <summary>Who got the last round-robin pick: the next pick is the available member after them.</summary>
    public string? LastAssigneeId { get; private set; }
    /// <summary>Counts round-robin picks; a pick is only taken when the turn is still the one it was computed from.</summary>
    public int Turn { get; private set; }

    private TeamAutoAssignment() { }

    public TeamAutoAssignment(int teamId, AutoAssignMode mode) => (TeamId, Mode) = (teamId, mode);

    public void SetMode(AutoAssignMode mode) => Mode = mode;

    public static string Label(AutoAssignMode mode) => mode switch
    {
        AutoAssignMode.RoundRobin => "Round robin",
        AutoAssignMode.LeastOpenWork => "Least open work",
        _ => "Off",
    };
}

/// <summary>
/// Whether an agent takes auto-assigned work now. Agents switch it themselves; someone who never did is not
/// available, so nobody gets work pushed to them before they opt in.
/// </summary>
public class AgentAvailability
{
    public string UserId { get; private set; } = "";
    public bool IsAvailable { get; private set; }
    public DateTime ChangedAt { get; private set; }

    private AgentAvailability() { }

    public AgentAvailability(string userId, bool isAvailable, DateTime at) => (UserId, IsAvailable, ChangedAt) = (userId, isAvailable, at);

    public void Set(bool available, DateTime at) => (IsAvailable, ChangedAt) = (available, at);
}
