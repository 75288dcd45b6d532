namespace IncidentPortal.Features.Notifications;

/// <summary>How each kind is named and explained on the preferences page, and who it can reach.</summary>
public static class NotificationKinds
{
    public static string Label(NotificationKind kind) => kind switch
    {
        NotificationKind.Assigned => "Assigned to me",
        NotificationKind.Comment => "Comments and replies",
        NotificationKind.Resolved => "My incident resolved",
        NotificationKind.SlaWarning => "SLA warnings",
        NotificationKind.SlaBreach => "SLA breaches",
        NotificationKind.Escalation => "Escalations",
        NotificationKind.TaskAssigned => "Tasks assigned to me",
        NotificationKind.ActionItem => "Action items",
        NotificationKind.Alert => "Monitoring alerts",
        NotificationKind.System => "Announcements",
        NotificationKind.MajorIncident => "Major incident updates",
        NotificationKind.Mention => "Mentions of me",
        NotificationKind.Watching => "Incidents I watch",
        _ => kind.ToString(),
    };

    public static string Description(NotificationKind kind) => kind switch
    {
        NotificationKind.Assigned => "Someone else assigns an incident to you.",
        NotificationKind.Comment => "A reporter comments on an incident assigned to you, or support replies on an incident you reported.",
        NotificationKind.Resolved => "An incident you reported is resolved.",
        NotificationKind.SlaWarning => "An incident you work on is close to missing its target.",
        NotificationKind.SlaBreach => "An incident you work on missed its target.",
        NotificationKind.Escalation => "An incident is escalated to you or your team.",
        NotificationKind.TaskAssigned => "A task on an incident is assigned to you.",
        NotificationKind.ActionItem => "A review action item is assigned to you.",
        NotificationKind.Alert => "Monitoring raises an alert for a service your team supports.",
        NotificationKind.System => "Messages from the portal and its administrators.",
        NotificationKind.MajorIncident => "Updates on a major incident you follow as a stakeholder, and requests to join a response.",
        NotificationKind.Mention => "A colleague mentions you (@name) in a work note or a review comment.",
        NotificationKind.Watching => "An incident you watch changes (its public updates only, if you watch it as a colleague of its reporter).",
        _ => "",
    };

    /// <summary>Kinds that only reach people who work incidents; a reporter's preferences page leaves them out.</summary>
    public static bool IsForStaffOnly(NotificationKind kind) => kind is not (NotificationKind.Comment or NotificationKind.Resolved
        or NotificationKind.System or NotificationKind.MajorIncident or NotificationKind.Watching);

    /// <summary>The kinds a user chooses about, in the order the preferences page lists them.</summary>
    public static IReadOnlyList<NotificationKind> For(bool isStaff) =>
        Enum.GetValues<NotificationKind>().Where(k => isStaff || !IsForStaffOnly(k)).OrderBy(Order).ToList();

    private static int Order(NotificationKind kind) => kind switch
    {
        NotificationKind.Assigned => 0,
        NotificationKind.Comment => 1,
        NotificationKind.Resolved => 2,
        _ => 10 + (int)kind,
    };
}
