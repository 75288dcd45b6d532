using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Tasks;

public enum IncidentTaskStatus { Open, InProgress, Done, Cancelled }

/// <summary>The team a task goes to, with its members, so the task can check that its owner belongs to it.</summary>
public sealed record TaskTeam(int Id, string Name, IReadOnlyCollection<string> MemberIds);

/// <summary>What a person fills in for a task. Owner is optional: an unowned task waits in its team's My tasks.</summary>
public sealed record TaskInput(string Title, string? Description, int? TeamId, string? OwnerId, DateTime? DueAt);

/// <summary>
/// A piece of work inside an incident (ServiceNow's incident task, Jira's sub-task): someone in a team does it by a time.
/// Every change goes through a method here; the service records it on the incident's timeline.
/// </summary>
public class IncidentTask
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxNoteLength = 1000;

    public int Id { get; private set; }
    public int IncidentId { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    /// <summary>Null only when the team was deleted since; every save asks for one.</summary>
    public int? TeamId { get; private set; }
    public string? OwnerId { get; private set; }
    public DateTime? DueAt { get; private set; }
    public IncidentTaskStatus Status { get; private set; }
    public string? CompletionNote { get; private set; }
    public string? CreatedById { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    /// <summary>Bumped by every change; the optimistic-concurrency token.</summary>
    public int Version { get; private set; }

    public bool IsOpen => IsOpenStatus(Status);

    public static bool IsOpenStatus(IncidentTaskStatus status) => status is IncidentTaskStatus.Open or IncidentTaskStatus.InProgress;

    private IncidentTask() { }

    public static IncidentTask Create(int incidentId, TaskInput input, TaskTeam? team, ChangeContext by)
    {
        var task = new IncidentTask
        {
            IncidentId = incidentId, Status = IncidentTaskStatus.Open, CreatedById = by.ActorId,
            CreatedAt = by.At, Version = 0,
        };
        task.Apply(input, team, by, dueUnchanged: false);
        return task;
    }

    /// <summary>Changes what the task is, who does it and by when. A due time already passed may be kept, not newly set.</summary>
    public void Edit(TaskInput input, TaskTeam? team, ChangeContext by)
    {
        if (!IsOpen) throw new TaskRuleException($"The task is {Label(Status).ToLowerInvariant()}; reopen it before changing it.");
        Apply(input, team, by, dueUnchanged: input.DueAt == DueAt);
    }

    /// <summary>Whether saving <paramref name="input"/> would change what the task is, who does it or by when.</summary>
    public bool Differs(TaskInput input) =>
        (input.Title ?? "").Trim() != Title || (input.Description ?? "").Trim() != Description || input.TeamId != TeamId
        || (string.IsNullOrEmpty(input.OwnerId) ? null : input.OwnerId) != OwnerId || input.DueAt != DueAt;

    public void Complete(ChangeContext by, string? note) => MoveTo(IncidentTaskStatus.Done, note, by);

    public void Cancel(ChangeContext by, string? note) => MoveTo(IncidentTaskStatus.Cancelled, note, by);

    /// <summary>Open → In progress → Done or Cancelled; a finished task may be reopened (its completion is cleared).</summary>
    public void MoveTo(IncidentTaskStatus target, string? note, ChangeContext by)
    {
        if (target == Status) throw new TaskRuleException($"The task is already {Label(Status).ToLowerInvariant()}.");
        if (target == IncidentTaskStatus.InProgress && !IsOpen)
            throw new TaskRuleException("Reopen the task before starting work on it.");
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > MaxNoteLength) throw new TaskRuleException($"The note can be at most {MaxNoteLength} characters.", nameof(CompletionNote));
        var closing = !IsOpenStatus(target);
        Status = target;
        CompletionNote = closing ? note : null;
        CompletedAt = closing ? by.At : null;
        Touch(by);
    }

    public static string Label(IncidentTaskStatus status) => status == IncidentTaskStatus.InProgress ? "In progress" : status.ToString();

    /// <summary>Overdue: still open and its due time has passed.</summary>
    public static bool IsOverdue(IncidentTaskStatus status, DateTime? dueAt, DateTime now) => IsOpenStatus(status) && dueAt < now;

    private void Apply(TaskInput input, TaskTeam? team, ChangeContext by, bool dueUnchanged)
    {
        var title = (input.Title ?? "").Trim();
        if (title.Length == 0) throw new TaskRuleException("The title is required.", nameof(Title));
        if (title.Length > MaxTitleLength) throw new TaskRuleException($"The title can be at most {MaxTitleLength} characters.", nameof(Title));
        var description = (input.Description ?? "").Trim();
        if (description.Length > MaxDescriptionLength)
            throw new TaskRuleException($"The description can be at most {MaxDescriptionLength} characters.", nameof(Description));
        if (team is null || team.Id != input.TeamId) throw new TaskRuleException("Choose the team that does the task.", nameof(TeamId));
        var owner = string.IsNullOrEmpty(input.OwnerId) ? null : input.OwnerId;
        if (owner is not null && !team.MemberIds.Contains(owner))
            throw new TaskRuleException($"The owner must be a member of {team.Name}.", nameof(OwnerId));
        if (input.DueAt is { } due && due.Kind != DateTimeKind.Utc) throw new ArgumentException("Due times are UTC.", nameof(input));
        if (input.DueAt < by.At && !dueUnchanged) throw new TaskRuleException("The due time cannot be in the past.", nameof(DueAt));
        (Title, Description, TeamId, OwnerId, DueAt) = (title, description, team.Id, owner, input.DueAt);
        Touch(by);
    }

    private void Touch(ChangeContext by)
    {
        UpdatedAt = by.At;
        Version++;
    }
}

/// <summary>A change the task's rules refuse; the message is for the user, <see cref="Field"/> the form field it concerns.</summary>
public sealed class TaskRuleException(string message, string? field = null) : InvalidOperationException(message)
{
    public string? Field { get; } = field;
}

/// <summary>The task was deleted, or the actor may not see tasks: the same answer for both.</summary>
public sealed class TaskNotFoundException() : Exception("That task does not exist or is not yours to see.");

/// <summary>Someone else changed the task since it was shown.</summary>
public sealed class TaskConflictException() : Exception("Someone else changed this task meanwhile. It has been reloaded; try again.");
