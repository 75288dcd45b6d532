namespace IncidentPortal.Features.ActionItems;

/// <summary>One action item as lists show it, with its incident.</summary>
public sealed record ActionItemRow(int Id, int IncidentId, int IncidentNumber, string IncidentTitle, int? ReviewId, string Title,
    int? TeamId, string? Team, string? OwnerId, string? Owner, DateTime? DueDate, ActionItemPriority Priority, ActionItemType Type,
    ActionItemStatus Status, int? ProblemId, DateTime CreatedAt, int Version)
{
    public string IncidentReference => Incidents.Incident.FormatReference(IncidentNumber);
    public bool IsOpen => ActionItem.IsOpenStatus(Status);
    public bool IsOverdue(DateTime now) => ActionItem.IsOverdue(Status, DueDate, now);
    public ActionItemInput ToInput() => new(Title, TeamId, OwnerId, DueDate, Priority, Type);
}

/// <summary>A line of the overdue report: a team and how many of its open items are late, and by how long at most.</summary>
public sealed record OverdueTeamRow(int? TeamId, string Team, int Overdue, int Open, int OldestDaysLate);

/// <summary>The all-items view's filter.</summary>
public sealed record ActionItemFilter(bool OpenOnly = true, bool OverdueOnly = false, int? TeamId = null);
