namespace IncidentPortal.Features.Incidents;

/// <summary>What each saved view of the queue contains, and how it reads to an agent.</summary>
public static class QueueViews
{
    public static readonly IReadOnlyList<QueueView> All = Enum.GetValues<QueueView>();

    /// <summary>Narrows the open incidents to the view. Each branch matches one of the Incidents indexes (see IncidentConfiguration).</summary>
    /// <param name="dueSoon">Incidents with a running SLA clock due soon or overdue (SlaQueries.DueBefore).</param>
    public static IQueryable<Incident> Apply(IQueryable<Incident> open, QueueView view, string userId, IReadOnlyCollection<int> myTeamIds,
        IQueryable<int>? dueSoon = null) => view switch
        {
            QueueView.MyWork => open.Where(i => i.AssigneeId == userId),
            QueueView.MyTeams => open.Where(i => i.AssignmentGroupId != null && myTeamIds.Contains(i.AssignmentGroupId.Value)),
            QueueView.Unassigned => open.Where(i => i.AssigneeId == null),
            QueueView.AllOpen => open,
            QueueView.BreachingSoon => dueSoon is null ? open.Where(_ => false) : open.Where(i => dueSoon.Contains(i.Id)),
            _ => throw new ArgumentOutOfRangeException(nameof(view), view, "Unknown queue view."),
        };

    public static string Label(QueueView view) => view switch
    {
        QueueView.MyWork => "My work",
        QueueView.MyTeams => "My teams",
        QueueView.Unassigned => "Unassigned",
        QueueView.AllOpen => "All open",
        QueueView.BreachingSoon => "Breaching soon",
        _ => view.ToString(),
    };

    public static string Description(QueueView view) => view switch
    {
        QueueView.MyWork => "Open incidents assigned to you.",
        QueueView.MyTeams => "Open incidents routed to your teams.",
        QueueView.Unassigned => "Open incidents nobody has picked up yet.",
        QueueView.AllOpen => "Every open incident.",
        QueueView.BreachingSoon => "Open incidents whose SLA is due within two hours or already breached, soonest first.",
        _ => "",
    };

    /// <summary>What the view says when it is empty and no filter is set.</summary>
    public static string EmptyText(QueueView view) => view switch
    {
        QueueView.MyWork => "Nothing is assigned to you. Pick something from Unassigned or My teams.",
        QueueView.MyTeams => "Your teams have no open incidents.",
        QueueView.Unassigned => "Every open incident has someone on it.",
        QueueView.AllOpen => "There are no open incidents. Enjoy the quiet.",
        QueueView.BreachingSoon => "No SLA is close to breaching.",
        _ => "Nothing here.",
    };

    /// <summary>The view's name in URLs (?view=my-work).</summary>
    public static string Slug(QueueView view) => view switch
    {
        QueueView.MyWork => "my-work",
        QueueView.MyTeams => "my-teams",
        QueueView.Unassigned => "unassigned",
        QueueView.AllOpen => "all-open",
        QueueView.BreachingSoon => "breaching-soon",
        _ => view.ToString().ToLowerInvariant(),
    };

    public static QueueView? FromSlug(string? slug) => All.Cast<QueueView?>().FirstOrDefault(v => Slug(v!.Value) == slug);
}
