namespace IncidentPortal.Features.Reviews;

/// <summary>The template a new installation starts with; the keys are the built-in sections.</summary>
public static class ReviewTemplateDefaults
{
    public const string Summary = "summary";
    public const string Impact = "impact";
    public const string Timeline = "timeline";
    public const string RootCause = "root-cause";
    public const string Contributing = "contributing-factors";
    public const string WentWell = "went-well";
    public const string WentBadly = "went-badly";
    public const string Lessons = "lessons";
    public const string ActionItems = "action-items";

    public static readonly IReadOnlyList<(string Key, string Title, string Prompt)> Sections =
    [
        (Summary, "Summary", "In a few sentences: what happened, who noticed, how it was fixed."),
        (Impact, "Customer and business impact", "Who was affected and how badly. The figures below are drafted from the incident; correct them."),
        (Timeline, "Timeline", "Drafted from the incident's activity log. Keep, edit or remove entries, and add what the log missed."),
        (RootCause, "Root cause", "Why did it happen? Ask \"why?\" until you reach something you can change."),
        (Contributing, "Contributing factors", "What made it worse, slower to notice or harder to fix?"),
        (WentWell, "What went well", "What should we keep doing?"),
        (WentBadly, "What went badly", "Where were we lucky, slow or confused?"),
        (Lessons, "Lessons learned", "What do we now know that we did not before?"),
        (ActionItems, "Action items", "Concrete work, each with an owner and a due date, that prevents, detects or mitigates a recurrence."),
    ];

    public static bool IsBuiltIn(string key) => Sections.Any(s => s.Key == key);
}
