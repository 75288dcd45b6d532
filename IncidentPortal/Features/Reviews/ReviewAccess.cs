using IncidentPortal.Features.Accounts;

namespace IncidentPortal.Features.Reviews;

/// <summary>
/// Who may do what with a review. Reading: staff (agents, incident managers, admins) always; the incident's reporter
/// only once the review is published AND explicitly shared with them (reviews name people and internal systems, so
/// sharing is a decision, never a default); nobody else. Writing (sections, timeline, comments, sending for review):
/// staff while the review is not published. Publishing and sharing: incident managers and admins.
/// </summary>
public static class ReviewAccess
{
    public static bool CanRead(Actor actor, ReviewStatus status, bool sharedWithReporter, string incidentReporterId) =>
        actor.IsStaff || (status == ReviewStatus.Published && sharedWithReporter && actor.UserId == incidentReporterId);

    public static bool CanEdit(Actor actor) => actor.IsStaff;

    public static bool CanPublish(Actor actor) => actor.IsIncidentManager || actor.IsAdmin;

    internal static void EnsureStaff(Actor actor)
    {
        // A reporter learns nothing about unpublished reviews, not even that one exists.
        if (!actor.IsStaff) throw new ReviewNotFoundException();
    }

    internal static void EnsureCanPublish(Actor actor)
    {
        EnsureStaff(actor);
        if (!CanPublish(actor)) throw new ReviewRuleException("Only incident managers and admins can publish or share a review.");
    }
}
