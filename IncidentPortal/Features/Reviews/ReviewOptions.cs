using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Reviews;

/// <summary>
/// "Reviews" settings. A review is required for incidents of the priorities listed (P1 is a major incident, so the
/// default P1,P2 covers "P1/P2 and major"); incident managers are reminded of each resolved one that has none.
/// </summary>
public sealed class ReviewOptions
{
    public const string Section = "Reviews";

    /// <summary>Comma-separated priorities, e.g. "P1,P2". Empty: reviews are never required.</summary>
    public string RequiredForPriorities { get; set; } = "P1,P2";
    /// <summary>How often the same incident manager is reminded about the same incident.</summary>
    public double ReminderIntervalHours { get; set; } = 24;
    public double CheckIntervalMinutes { get; set; } = 15;

    public IReadOnlyList<Priority> RequiredPriorities() => RequiredForPriorities
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(p => Enum.TryParse<Priority>(p, ignoreCase: true, out var priority) ? priority : (Priority?)null)
        .OfType<Priority>().Distinct().ToList();

    public bool IsRequiredFor(Priority priority) => RequiredPriorities().Contains(priority);
}
