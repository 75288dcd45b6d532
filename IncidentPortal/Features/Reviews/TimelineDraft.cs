using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.MajorIncidents;

namespace IncidentPortal.Features.Reviews;

/// <summary>
/// One line of the incident's activity log, as the drafting needs it (actor already a display name);
/// <paramref name="Response"/> is set for a line of a major incident's war-room log.
/// </summary>
public sealed record ActivityLogEntry(DateTime At, ActivityKind Kind, string? Field, string? OldValue, string? NewValue,
    string? Text, string Actor, bool IsPublic, ResponseMark? Response = null);

/// <summary>What a war-room log line was, and whether the room pinned it (pinned lines are the key events).</summary>
public sealed record ResponseMark(LogEntryKind Kind, bool Pinned);

/// <summary>A suggested timeline entry; <see cref="Keep"/> says whether the draft includes it or only offers it.</summary>
public sealed record DraftedEntry(DateTime At, string Text, bool Keep);

/// <summary>
/// Drafts a review's timeline from the incident's activity log: status changes, assignments, priority changes,
/// escalations and public updates are kept; work notes (the "key comments") and other portal events are offered, not
/// kept, so the author picks the ones that matter. Edits of titles, descriptions and categories are left out. From a
/// major incident's war room, pinned lines are kept as key events, the response's lifecycle, roles and updates are kept,
/// other working notes are offered.
/// </summary>
public static class TimelineDraft
{
    private const int MaxTextLength = 160;

    public static IReadOnlyList<DraftedEntry> From(IEnumerable<ActivityLogEntry> log) =>
        log.OrderBy(a => a.At).Select(Draft).OfType<DraftedEntry>().ToList();

    private static DraftedEntry? Draft(ActivityLogEntry a) => a.Response is { } response ? Draft(a, response) : a.Kind switch
    {
        ActivityKind.Created => new(a.At, $"Incident reported by {a.Actor}", true),
        ActivityKind.StatusChanged => new(a.At, $"Status {Status(a.OldValue)} → {Status(a.NewValue)}{Note(a.Text)} ({a.Actor})", true),
        ActivityKind.FieldChanged when a.Field == "Assignee" => new(a.At, a.NewValue switch
        {
            null => $"Unassigned from {a.OldValue} ({a.Actor})",
            var taker when taker == a.Actor => $"{taker} took the incident",
            var assignee => $"Assigned to {assignee} by {a.Actor}",
        }, true),
        ActivityKind.FieldChanged when a.Field == "Team" => new(a.At, $"Routed to team {a.NewValue ?? "(none)"}{Note(a.Text)}", true),
        ActivityKind.FieldChanged when a.Field == "Priority" => new(a.At, $"Priority {a.OldValue} → {a.NewValue} ({a.Actor})", true),
        ActivityKind.Event when a.Field == "Escalation" => new(a.At, $"Escalation: {Shorten(a.Text)}", true),
        ActivityKind.Event when a.IsPublic => new(a.At, $"Public update: {Shorten(a.Text)}", true),
        ActivityKind.Event => new(a.At, $"{a.Field}: {Shorten(a.Text)}", false),
        ActivityKind.PublicComment => new(a.At, $"Update to the reporter from {a.Actor}: {Shorten(a.Text)}", true),
        ActivityKind.WorkNote => new(a.At, $"Note by {a.Actor}: {Shorten(a.Text)}", false),
        _ => null,
    };

    private static DraftedEntry Draft(ActivityLogEntry a, ResponseMark response) => response switch
    {
        { Pinned: true } => new(a.At, $"Key event: {Shorten(a.Text)} ({a.Actor})", true),
        { Kind: LogEntryKind.Note or LogEntryKind.Fact or LogEntryKind.Decision } => new(a.At, $"{Shorten(a.Text)} ({a.Actor})", false),
        _ => new(a.At, $"{Shorten(a.Text)} ({a.Actor})", true),
    };

    private static string Status(string? value) =>
        Enum.TryParse<IncidentStatus>(value, out var status) ? IncidentText.Label(status) : value ?? "(none)";

    private static string Note(string? text) => string.IsNullOrWhiteSpace(text) ? "" : $": {Shorten(text)}";

    private static string Shorten(string? text)
    {
        // One line per entry: the timeline is a list.
        var flat = string.Join(' ', (text ?? "").Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length <= MaxTextLength ? flat : flat[..(MaxTextLength - 1)] + "…";
    }
}
