namespace IncidentPortal.Features.Tasks;

/// <summary>How task changes read on the incident's timeline and in notifications.</summary>
public static class TaskText
{
    public const string Topic = "Task";

    public static string Due(DateTime? due) =>
        due is { } at ? Time.TimeText.Utc(at) : "no due time";

    public static string Who(string? team, string? owner) => $"{team ?? "no team"} / {owner ?? "unowned"}";

    public static string Added(string title, string? team, string? owner, DateTime? due) =>
        $"Task added: \"{title}\" for {Who(team, owner)}, {Due(due)}";

    /// <summary>What an edit changed, field by field; null when nothing did.</summary>
    public static string? Edited(TaskSnapshot before, TaskSnapshot after)
    {
        var changes = new List<string>();
        if (before.Title != after.Title) changes.Add($"title \"{before.Title}\" → \"{after.Title}\"");
        if (before.Description != after.Description) changes.Add("description updated");
        if (before.Team != after.Team || before.Owner != after.Owner) changes.Add($"{Who(before.Team, before.Owner)} → {Who(after.Team, after.Owner)}");
        if (before.DueAt != after.DueAt) changes.Add($"due {Due(before.DueAt)} → {Due(after.DueAt)}");
        return changes.Count == 0 ? null : $"Task \"{after.Title}\" changed: {string.Join("; ", changes)}";
    }

    public static string StatusChanged(string title, IncidentTaskStatus from, IncidentTaskStatus to, string? note) =>
        $"Task \"{title}\": {IncidentTask.Label(from)} → {IncidentTask.Label(to)}" + (note is null ? "" : $" ({note})");
}

/// <summary>A task's describable state, with names resolved, for before/after comparisons.</summary>
public sealed record TaskSnapshot(string Title, string Description, string? Team, string? Owner, DateTime? DueAt);
