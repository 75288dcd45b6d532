using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Notifications;

/// <summary>A notification the lifecycle calls for, and who gets it.</summary>
public sealed record LifecycleNotification(string UserId, NotificationRequest Request);

/// <summary>
/// Which notifications an incident change produces: the assignee hears about assignments and the reporter's comments;
/// the reporter hears about public replies and resolution. Nobody is told about their own action, and only public
/// timeline entries ever reach the reporter.
/// </summary>
public static class IncidentNotifications
{
    private const int ExcerptLength = 500;

    public static IReadOnlyList<LifecycleNotification> For(Incident incident, IReadOnlyList<IncidentActivity> recorded, string? actorId)
    {
        var result = new List<LifecycleNotification>();
        var link = $"/incidents/{incident.Id}";
        var reference = incident.Reference;
        var reporterActed = actorId is not null && actorId == incident.ReporterId;

        void Add(string? userId, NotificationKind kind, string title, string? body)
        {
            if (userId is null || userId == actorId) return;
            result.Add(new LifecycleNotification(userId, new NotificationRequest(kind, title, body, link, incident.Id)));
        }

        var newAssignee = recorded.Any(a => a.Field == "Assignee") || (recorded.Any(a => a.Kind == ActivityKind.Created) && incident.AssigneeId is not null);
        if (newAssignee && incident.AssigneeId is not null)
            Add(incident.AssigneeId, NotificationKind.Assigned, $"{reference} assigned to you: {incident.Title}",
                $"Priority {incident.Priority} · {IncidentText.Label(incident.Status)}" + (incident.Description.Length > 0 ? $"\n\n{Excerpt(incident.Description)}" : ""));

        var publicComment = recorded.LastOrDefault(a => a.Kind == ActivityKind.PublicComment);
        var reopened = recorded.Any(a => a.Kind == ActivityKind.StatusChanged && a.OldValue == nameof(IncidentStatus.Resolved) && a.Text == "Reopened");
        var resolved = recorded.LastOrDefault(a => a.Kind == ActivityKind.StatusChanged && a.NewValue == nameof(IncidentStatus.Resolved));

        if (reporterActed && publicComment is not null && !newAssignee)
            Add(incident.AssigneeId, NotificationKind.Comment,
                reopened ? $"{reference} reopened by the reporter: {incident.Title}" : $"{reference}: new comment from the reporter",
                Excerpt(publicComment.Text));

        if (resolved is not null)
            Add(incident.ReporterId, NotificationKind.Resolved, $"{reference} is resolved: {incident.Title}",
                (incident.ResolutionNotes is { } notes ? $"{Excerpt(notes)}\n\n" : "") + "If the problem is not fixed, reopen the incident and tell us what is still wrong.");
        else if (!reporterActed && publicComment is not null)
            Add(incident.ReporterId, NotificationKind.Comment, $"{reference}: new reply on your incident", Excerpt(publicComment.Text));

        return result;
    }

    private static string Excerpt(string? text)
    {
        var trimmed = (text ?? "").Trim();
        return trimmed.Length <= ExcerptLength ? trimmed : trimmed[..(ExcerptLength - 1)] + "…";
    }
}
