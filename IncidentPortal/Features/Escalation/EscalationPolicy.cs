using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Escalation;

/// <summary>Which priorities may page people outside the team's business hours; the others wait until it opens.</summary>
public enum OffHoursRule { NotifyAnytime, P1Anytime, P1AndP2Anytime, WaitForBusinessHours }

/// <summary>
/// A PagerDuty-style escalation policy: ordered steps, each notifying people and waiting for an acknowledgement
/// before the next one; the whole sequence repeats <see cref="RepeatCount"/> more times.
/// </summary>
public class EscalationPolicy
{
    public const int MaxSteps = 10;
    public const int MaxRepeats = 9;
    public const int MinWaitSeconds = 1;
    public const int MaxWaitSeconds = 7 * 24 * 3600;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>How many times the whole sequence runs again after its last step, unacknowledged.</summary>
    public int RepeatCount { get; set; }
    public OffHoursRule OffHours { get; set; } = OffHoursRule.P1Anytime;
    public List<EscalationStep> Steps { get; } = [];

    /// <summary>Whether an incident of <paramref name="priority"/> may page people while the team is closed.</summary>
    public static bool NotifiesOffHours(OffHoursRule rule, Priority priority) => rule switch
    {
        OffHoursRule.NotifyAnytime => true,
        OffHoursRule.P1Anytime => priority == Priority.P1,
        OffHoursRule.P1AndP2Anytime => priority <= Priority.P2,
        _ => false,
    };

    public static string Describe(OffHoursRule rule) => rule switch
    {
        OffHoursRule.NotifyAnytime => "Notify at any hour",
        OffHoursRule.P1Anytime => "P1 at any hour; others wait for business hours",
        OffHoursRule.P1AndP2Anytime => "P1 and P2 at any hour; others wait for business hours",
        _ => "Always wait for business hours",
    };
}

/// <summary>One step: notify these users and the members of these teams, then wait this long for an acknowledgement.</summary>
public class EscalationStep
{
    public int Id { get; set; }
    public int PolicyId { get; set; }
    /// <summary>0-based position in the policy.</summary>
    public int Position { get; set; }
    public int WaitSeconds { get; set; }
    public List<EscalationStepTarget> Targets { get; } = [];

    public TimeSpan Wait => TimeSpan.FromSeconds(WaitSeconds);
}

/// <summary>A user, or a team (meaning its staff members at the moment the step fires).</summary>
public class EscalationStepTarget
{
    public int Id { get; set; }
    public int StepId { get; set; }
    public string? UserId { get; set; }
    public int? TeamId { get; set; }
}
