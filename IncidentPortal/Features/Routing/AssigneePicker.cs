namespace IncidentPortal.Features.Routing;

/// <summary>A team member as auto-assignment sees them; <see cref="OpenWork"/> counts their open incidents, all teams.</summary>
public sealed record AssignmentCandidate(string UserId, string Name, bool IsAvailable, int OpenWork);

/// <summary>Who gets the next incident of a team. Only available members are ever picked; none available → nobody.</summary>
public static class AssigneePicker
{
    /// <summary>
    /// The available member after <paramref name="lastAssigneeId"/> in a fixed order (user id), wrapping round.
    /// Ordering by id rather than by position keeps the rotation fair when the last pick left the team or became
    /// unavailable: the turn simply passes on to whoever comes after them.
    /// </summary>
    public static AssignmentCandidate? RoundRobin(IEnumerable<AssignmentCandidate> members, string? lastAssigneeId)
    {
        var available = members.Where(m => m.IsAvailable).OrderBy(m => m.UserId, StringComparer.Ordinal).ToList();
        return lastAssigneeId is null
            ? available.FirstOrDefault()
            : available.FirstOrDefault(m => string.CompareOrdinal(m.UserId, lastAssigneeId) > 0) ?? available.FirstOrDefault();
    }

    /// <summary>The available member with the fewest open incidents; ties go to the first by name (then id), so the pick is predictable.</summary>
    public static AssignmentCandidate? LeastOpenWork(IEnumerable<AssignmentCandidate> members) =>
        members.Where(m => m.IsAvailable)
            .OrderBy(m => m.OpenWork).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.UserId, StringComparer.Ordinal)
            .FirstOrDefault();
}
