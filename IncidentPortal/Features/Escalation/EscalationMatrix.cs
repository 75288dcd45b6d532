using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Escalation;

/// <summary>The SLA moments the matrix reacts to.</summary>
public enum EscalationTrigger { SlaWarning, SlaBreach }

public enum AutoEscalation { None, NotifyLead, NotifyIncidentManagers, MoveToNextTier, StartPolicy }

/// <summary>What happens automatically when an incident of <see cref="Priority"/> reaches an SLA warning or breach.</summary>
public class EscalationRule
{
    public Priority Priority { get; set; }
    public EscalationTrigger Trigger { get; set; }
    public AutoEscalation Action { get; set; }
    /// <summary>For <see cref="AutoEscalation.StartPolicy"/>.</summary>
    public int? PolicyId { get; set; }

    public static string Describe(AutoEscalation action) => action switch
    {
        AutoEscalation.NotifyLead => "Notify the team lead",
        AutoEscalation.NotifyIncidentManagers => "Notify the incident managers",
        AutoEscalation.MoveToNextTier => "Move to the next tier",
        AutoEscalation.StartPolicy => "Start a policy",
        _ => "Nothing",
    };
}

/// <summary>A team's place in the escalation matrix: where functional escalation goes, and its lead and default policy.</summary>
public class TeamEscalation
{
    public int TeamId { get; set; }
    /// <summary>
    /// Who hierarchical escalation notifies for this team. Kept here rather than on Team: SQLite cannot add a
    /// foreign-key column to an existing table without rebuilding it, and every team row would need it anyway.
    /// </summary>
    public string? LeadUserId { get; set; }
    public int? NextTierTeamId { get; set; }
    public int? DefaultPolicyId { get; set; }
    /// <summary>The team's business hours, which policy steps respect (see <see cref="OffHoursRule"/>); null = always open.</summary>
    public int? CalendarId { get; set; }
    /// <summary>New incidents of these priorities routed or assigned to the team start the default policy ("P1,P2").</summary>
    public string AutoStartPriorities { get; set; } = "";

    public IReadOnlySet<Priority> AutoStart => ParsePriorities(AutoStartPriorities);

    public static IReadOnlySet<Priority> ParsePriorities(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => Enum.TryParse<Priority>(p, out var priority) ? priority : (Priority?)null)
            .OfType<Priority>().ToHashSet();

    public static string FormatPriorities(IEnumerable<Priority> priorities) =>
        string.Join(",", priorities.Distinct().Order().Select(p => p.ToString()));
}
