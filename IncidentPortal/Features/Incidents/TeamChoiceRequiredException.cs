namespace IncidentPortal.Features.Incidents;

/// <summary>
/// "Assign to me" on an incident of a team the agent is not in (or of no team, for an agent in several): taking it
/// moves it to another team's queue, so the agent must say which of <see cref="Teams"/> rather than have it moved silently.
/// </summary>
public sealed class TeamChoiceRequiredException(IReadOnlyList<QueueOption> teams)
    : IncidentRuleException("Choose which of your teams takes the incident: it is not in one of your teams, so taking it moves it.")
{
    public IReadOnlyList<QueueOption> Teams { get; } = teams;
}
