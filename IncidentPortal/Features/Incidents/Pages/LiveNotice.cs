namespace IncidentPortal.Features.Incidents.Pages;

/// <summary>
/// The line an open incident page shows when someone else changes it ("Alex Agent changed Status: New → Assigned").
/// Built from the timeline the viewer is allowed to see, never from the event, so a reporter's notice cannot mention
/// an internal change.
/// </summary>
public static class LiveNotice
{
    /// <summary>Describes the entries of <paramref name="after"/> that <paramref name="before"/> did not have; null if none.</summary>
    public static string? Describe(IReadOnlyList<TimelineEntry> before, IReadOnlyList<TimelineEntry> after)
    {
        var known = before.Count == 0 ? long.MinValue : before.Max(e => e.Id);
        return Describe(after.Where(e => e.Id > known).OrderBy(e => e.Id).ToList());
    }

    public static string? Describe(IReadOnlyList<TimelineEntry> entries)
    {
        if (entries.Count == 0) return null;
        var sentences = new List<string>();
        // Consecutive entries by one person read as one sentence: "Alex Agent changed Team: … ; Status: …".
        foreach (var run in Runs(entries))
        {
            var changes = run.Where(e => e.Kind is ActivityKind.FieldChanged or ActivityKind.StatusChanged).Select(e => e.Summary).ToList();
            var parts = new List<string>();
            if (run.Any(e => e.Kind == ActivityKind.Created)) parts.Add("created the incident");
            if (changes.Count > 0) parts.Add("changed " + string.Join("; ", changes));
            if (run.Any(e => e.Kind == ActivityKind.PublicComment)) parts.Add("added a comment");
            if (run.Any(e => e.Kind == ActivityKind.WorkNote)) parts.Add("added a work note");
            parts.AddRange(run.Where(e => e.Kind == ActivityKind.Event).Select(e => "recorded: " + e.Summary));
            sentences.Add($"{run[0].Actor} {Join(parts)}");
        }
        return string.Join(". ", sentences);
    }

    private static IEnumerable<List<TimelineEntry>> Runs(IReadOnlyList<TimelineEntry> entries)
    {
        var run = new List<TimelineEntry>();
        foreach (var entry in entries)
        {
            if (run.Count > 0 && run[0].Actor != entry.Actor)
            {
                yield return run;
                run = [];
            }
            run.Add(entry);
        }
        if (run.Count > 0) yield return run;
    }

    private static string Join(List<string> parts) =>
        parts.Count <= 1 ? string.Concat(parts) : string.Join(", ", parts[..^1]) + " and " + parts[^1];
}
