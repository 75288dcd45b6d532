namespace IncidentPortal.Features.Notifications;

/// <summary>
/// What a user gets before choosing anything: everything in the portal, and by e-mail what needs action from them even
/// when they are not looking at the portal (their assignments, breaches, escalations, tasks, action items).
/// </summary>
public static class NotificationDefaults
{
    public static bool InApp(NotificationKind kind) => true;

    public static bool Email(NotificationKind kind) => kind is NotificationKind.Assigned or NotificationKind.SlaBreach
        or NotificationKind.Escalation or NotificationKind.TaskAssigned or NotificationKind.Mention or NotificationKind.ActionItem or NotificationKind.Comment
        // Reporters who do not watch the portal still hear that their incident is fixed.
        or NotificationKind.Resolved
        // Stakeholders are promised each update of a major incident by e-mail too.
        or NotificationKind.MajorIncident;
}
