namespace IncidentPortal.Features.ActionItems;

public enum ActionItemType { Prevent, Detect, Mitigate, Process }

public enum ActionItemPriority { High, Medium, Low }

public enum ActionItemStatus { Open, InProgress, Done, WontDo }

/// <summary>What a person fills in for an action item. The owner is required: an item nobody owns is forgotten.</summary>
public sealed record ActionItemInput(string Title, int? TeamId, string? OwnerId, DateTime? DueDate, ActionItemPriority Priority,
    ActionItemType Type);

/// <summary>The item's team with its members, so the item can check that its owner belongs to it.</summary>
public sealed record ActionItemTeam(int Id, string Name, IReadOnlyCollection<string> MemberIds);

/// <summary>
/// Follow-up work from an incident (usually from its post-incident review), tracked until done. The review is referenced
/// by id only; the item belongs to the incident.
/// </summary>
public class ActionItem
{
    public const int MaxTitleLength = 200;

    public int Id { get; private set; }
    public int IncidentId { get; private set; }
    public int? ReviewId { get; private set; }
    public string Title { get; private set; } = "";
    public int? TeamId { get; private set; }
    public string? OwnerId { get; private set; }
    /// <summary>A calendar day (UTC midnight): the item is overdue from the day after.</summary>
    public DateTime? DueDate { get; private set; }
    public ActionItemPriority Priority { get; private set; }
    public ActionItemType Type { get; private set; }
    public ActionItemStatus Status { get; private set; }
    /// <summary>The problem record spawned from this item, if any.</summary>
    public int? ProblemId { get; private set; }
    public string? CreatedById { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    /// <summary>When the owner was last reminded that the item is overdue; at most one reminder per UTC day.</summary>
    public DateTime? LastRemindedAt { get; private set; }
    public int Version { get; private set; }

    public bool IsOpen => IsOpenStatus(Status);

    private ActionItem() { }

    public static bool IsOpenStatus(ActionItemStatus status) => status is ActionItemStatus.Open or ActionItemStatus.InProgress;

    /// <summary>Open, and its due day is over.</summary>
    public static bool IsOverdue(ActionItemStatus status, DateTime? dueDate, DateTime now) =>
        IsOpenStatus(status) && dueDate is { } due && now.Date > due.Date;

    public static string Label(ActionItemStatus status) => status switch
    {
        ActionItemStatus.InProgress => "In progress",
        ActionItemStatus.WontDo => "Won't do",
        _ => status.ToString(),
    };

    public static ActionItem Create(int incidentId, int? reviewId, ActionItemInput input, ActionItemTeam? team, string? actorId, DateTime now)
    {
        var item = new ActionItem { IncidentId = incidentId, ReviewId = reviewId, Status = ActionItemStatus.Open, CreatedById = actorId, CreatedAt = now };
        item.Apply(input, team, now, keepPastDue: false);
        return item;
    }

    public void Edit(ActionItemInput input, ActionItemTeam? team, DateTime now)
    {
        if (!IsOpen) throw new ActionItemRuleException($"The item is {Label(Status).ToLowerInvariant()}; reopen it before changing it.");
        Apply(input, team, now, keepPastDue: input.DueDate?.Date == DueDate?.Date);
    }

    public bool Differs(ActionItemInput input) =>
        (input.Title ?? "").Trim() != Title || input.TeamId != TeamId || input.OwnerId != OwnerId
        || input.DueDate?.Date != DueDate?.Date || input.Priority != Priority || input.Type != Type;

    /// <summary>Any status may follow any other: reopening a done item is as legitimate as finishing it.</summary>
    public void MoveTo(ActionItemStatus target, DateTime now)
    {
        if (target == Status) throw new ActionItemRuleException($"The item is already {Label(Status).ToLowerInvariant()}.");
        if (!Enum.IsDefined(target)) throw new ActionItemRuleException("Choose a status.", nameof(Status));
        Status = target;
        CompletedAt = IsOpenStatus(target) ? null : now;
        Touch(now);
    }

    /// <summary>Links the problem record this item spawned; an item spawns at most one.</summary>
    public void SpawnedProblem(int problemId, DateTime now)
    {
        if (ProblemId is not null) throw new ActionItemRuleException("This item already has a problem record.");
        ProblemId = problemId;
        Touch(now);
    }

    private void Apply(ActionItemInput input, ActionItemTeam? team, DateTime now, bool keepPastDue)
    {
        var title = (input.Title ?? "").Trim();
        if (title.Length == 0) throw new ActionItemRuleException("The title is required.", nameof(Title));
        if (title.Length > MaxTitleLength) throw new ActionItemRuleException($"The title can be at most {MaxTitleLength} characters.", nameof(Title));
        if (team is null || team.Id != input.TeamId) throw new ActionItemRuleException("Choose the team responsible.", nameof(TeamId));
        if (string.IsNullOrEmpty(input.OwnerId)) throw new ActionItemRuleException("Choose the owner.", nameof(OwnerId));
        if (!team.MemberIds.Contains(input.OwnerId)) throw new ActionItemRuleException($"The owner must be a member of {team.Name}.", nameof(OwnerId));
        if (input.DueDate is null) throw new ActionItemRuleException("Choose a due date.", nameof(DueDate));
        var due = DateTime.SpecifyKind(input.DueDate.Value.Date, DateTimeKind.Utc);
        if (due < now.Date && !keepPastDue) throw new ActionItemRuleException("The due date cannot be in the past.", nameof(DueDate));
        if (!Enum.IsDefined(input.Priority)) throw new ActionItemRuleException("Choose a priority.", nameof(Priority));
        if (!Enum.IsDefined(input.Type)) throw new ActionItemRuleException("Choose a type.", nameof(Type));
        (Title, TeamId, OwnerId, DueDate, Priority, Type) = (title, team.Id, input.OwnerId, due, input.Priority, input.Type);
        Touch(now);
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>A change the item's rules refuse; <see cref="Field"/> names the form field it concerns.</summary>
public sealed class ActionItemRuleException(string message, string? field = null) : InvalidOperationException(message)
{
    public string? Field { get; } = field;
}

/// <summary>The item does not exist, or the actor may not see action items: the same answer for both.</summary>
public sealed class ActionItemNotFoundException() : Exception("That action item does not exist or is not yours to see.");

public sealed class ActionItemConflictException() : Exception("Someone else changed this action item meanwhile. It has been reloaded; try again.");
