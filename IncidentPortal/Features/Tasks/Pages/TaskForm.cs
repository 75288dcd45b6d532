using System.ComponentModel.DataAnnotations;

namespace IncidentPortal.Features.Tasks.Pages;

/// <summary>
/// The add/edit dialog's fields. Checks what the browser can (the task's own rules decide in the end); the due time
/// is entered and shown in UTC, like every exact time in the portal.
/// </summary>
public sealed class TaskForm : IValidatableObject
{
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public int? TeamId { get; set; }
    public string? OwnerId { get; set; }
    public DateTime? DueAt { get; set; }
    public IncidentTaskStatus Status { get; set; } = IncidentTaskStatus.Open;
    public string Note { get; set; } = "";

    /// <summary>What the form was opened with, so an unchanged past due time is not refused as "in the past".</summary>
    public DateTime? OriginalDueAt { get; init; }
    public DateTime Now { get; set; }

    public static TaskForm For(TaskRow task, DateTime now) => new()
    {
        Title = task.Title, Description = task.Description, TeamId = task.TeamId, OwnerId = task.OwnerId,
        DueAt = task.DueAt, OriginalDueAt = task.DueAt, Status = task.Status, Note = task.CompletionNote ?? "", Now = now,
    };

    public TaskInput ToInput() => new(Title, Description, TeamId, string.IsNullOrEmpty(OwnerId) ? null : OwnerId,
        DueAt is { } due ? DateTime.SpecifyKind(due, DateTimeKind.Utc) : null);

    public bool Finishing => !IncidentTask.IsOpenStatus(Status);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Title)) yield return new("The title is required.", [nameof(Title)]);
        else if (Title.Trim().Length > IncidentTask.MaxTitleLength)
            yield return new($"The title can be at most {IncidentTask.MaxTitleLength} characters.", [nameof(Title)]);
        if (Description.Trim().Length > IncidentTask.MaxDescriptionLength)
            yield return new($"The description can be at most {IncidentTask.MaxDescriptionLength} characters.", [nameof(Description)]);
        if (TeamId is null) yield return new("Choose the team that does the task.", [nameof(TeamId)]);
        if (DueAt is { } due && due != OriginalDueAt && DateTime.SpecifyKind(due, DateTimeKind.Utc) < Now)
            yield return new("The due time cannot be in the past.", [nameof(DueAt)]);
        if (Finishing && Note.Trim().Length > IncidentTask.MaxNoteLength)
            yield return new($"The note can be at most {IncidentTask.MaxNoteLength} characters.", [nameof(Note)]);
    }
}
