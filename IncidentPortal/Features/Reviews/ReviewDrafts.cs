using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Reviews;

/// <summary>What the portal knows about an incident that a new review starts from.</summary>
public sealed record IncidentFacts(string Reference, string Title, string Description, Priority Priority, string? Service,
    DateTime CreatedAt, DateTime? ResolvedAt, string? ResolutionNotes, IncidentReach Reach, IReadOnlyList<ActivityLogEntry> Log);

/// <summary>The first text of each template section: drafted where the portal knows something, empty otherwise.</summary>
public static class ReviewDrafts
{
    public static IReadOnlyList<SectionDraft> For(IEnumerable<ReviewTemplateSection> template, IncidentFacts facts, DateTime now) =>
        template.OrderBy(t => t.Position).Select(t => new SectionDraft(t.Key, t.Title, t.Prompt, Body(t.Key, facts, now))).ToList();

    public static string Body(string key, IncidentFacts facts, DateTime now) => key switch
    {
        ReviewTemplateDefaults.Summary => Summary(facts),
        ReviewTemplateDefaults.Impact => Impact(facts, now),
        ReviewTemplateDefaults.Timeline => TimelineMarkdown.Format(
            TimelineDraft.From(facts.Log).Where(d => d.Keep).Select(d => new ReviewTimelineEntry(d.At, d.Text))),
        _ => "",
    };

    private static string Summary(IncidentFacts facts)
    {
        var resolution = string.IsNullOrWhiteSpace(facts.ResolutionNotes) ? "" : $"\n\nResolution: {facts.ResolutionNotes.Trim()}";
        return $"{facts.Reference} ({facts.Priority}): {facts.Title}{resolution}";
    }

    public static string Impact(IncidentFacts facts, DateTime now)
    {
        var end = facts.ResolvedAt ?? now;
        var duration = Duration(end - facts.CreatedAt) + (facts.ResolvedAt is null ? " so far (still open)" : "");
        return string.Join('\n',
            $"- **Duration:** {duration} (reported {TimelineMarkdown.Time(facts.CreatedAt)} UTC" +
                (facts.ResolvedAt is { } resolved ? $", resolved {TimelineMarkdown.Time(resolved)} UTC)" : ")"),
            $"- **Affected services:** {facts.Service ?? "none recorded"}",
            $"- **Related incidents:** {Related(facts.Reach.Related)}",
            $"- **Who was affected:** {Affected(facts.Reach.Affected)}");
    }

    private static string Related(IReadOnlyList<RelatedIncident> related) => related.Count == 0
        ? "none (no duplicates, no linked incidents, no other report on the same service in that period)"
        : $"{related.Count} other incident{(related.Count == 1 ? "" : "s")}: "
          + string.Join("; ", related.Select(r => $"{r.Reference} {r.Title} ({r.Relation})"));

    private static string Affected(IReadOnlyList<string> people) => people.Count == 0
        ? "_to fill in: which users, customers or teams, how many, and how badly_"
        : $"{people.Count} {(people.Count == 1 ? "person" : "people")} reported it ({string.Join(", ", people)}); "
          + "_add which other users, customers or teams, how many, and how badly_";

    public static string Duration(TimeSpan span)
        => Time.TimeText.Duration(span < TimeSpan.Zero ? TimeSpan.Zero : span);

    /// <summary>The "5 whys" chain as a root-cause paragraph.</summary>
    public static string FiveWhys(string problem, IReadOnlyList<string> answers)
    {
        var chain = answers.Select(a => a.Trim().TrimEnd('.')).Where(a => a.Length > 0).ToList();
        if (chain.Count == 0) return "";
        var lines = new List<string> { $"**Five whys** — starting from: {problem.Trim().TrimEnd('.')}." };
        for (var i = 0; i < chain.Count; i++) lines.Add($"{i + 1}. Why? {chain[i]}.");
        lines.Add("");
        lines.Add($"**Root cause:** {chain[^1]}.");
        return string.Join('\n', lines);
    }
}
