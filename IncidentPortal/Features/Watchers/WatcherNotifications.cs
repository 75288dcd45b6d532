using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;

namespace IncidentPortal.Features.Watchers;

/// <summary>
/// What a change tells its watchers: staff watchers hear every comment, work note, status and assignment change;
/// colleagues the reporter added hear only what is public (public replies, status changes), never an internal word.
/// </summary>
public static class WatcherNotifications
{
    private const int ExcerptLength = 300;

    public static NotificationRequest? For(Incident incident, IReadOnlyList<IncidentActivity> recorded, bool forStaff)
    {
        var news = recorded.Where(a => forStaff || a.IsPublic)
            .Where(a => a.Kind is ActivityKind.PublicComment or ActivityKind.WorkNote or ActivityKind.StatusChanged
                || (a.Kind == ActivityKind.FieldChanged && a.Field is "Assignee" or "Team" or "Priority"))
            .ToList();
        if (news.Count == 0) return null;
        var comment = news.LastOrDefault(a => a.Kind is ActivityKind.PublicComment or ActivityKind.WorkNote);
        var status = news.LastOrDefault(a => a.Kind == ActivityKind.StatusChanged);
        var what = comment switch
        {
            { Kind: ActivityKind.WorkNote } => "new work note",
            { } => "new reply",
            null when status is not null => $"now {StatusName(status)}",
            _ => "updated",
        };
        var body = comment?.Text is { } text ? Excerpt(text) : string.Join("\n", news.Select(ActivityText.Summary));
        var anchor = comment is null ? "" : $"#note-{comment.IncidentVersion}";
        return new NotificationRequest(NotificationKind.Watching, $"{incident.Reference} (watching): {what} · {incident.Title}", body,
            $"/incidents/{incident.Id}{anchor}", incident.Id);
    }

    private static string StatusName(IncidentActivity status) =>
        Enum.TryParse<IncidentStatus>(status.NewValue, out var parsed) ? IncidentText.Label(parsed).ToLowerInvariant() : "changed";

    private static string Excerpt(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= ExcerptLength ? trimmed : trimmed[..(ExcerptLength - 1)] + "…";
    }
}
