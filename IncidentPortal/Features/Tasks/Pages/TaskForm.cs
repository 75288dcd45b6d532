using System.ComponentModel.DataAnnotations;
using IncidentPortal.Features.Time;

namespace IncidentPortal.Features.Tasks.Pages;

/// <summary>
/// The add/edit dialog's fields. Checks what the browser can (the task's own rules decide in the end); the due time
/// is entered and shown as wall-clock time in the person's zone (<see cref="Zone"/>) and stored as UTC.
/// </summary>
public sealed class TaskForm : IValidatableObject
{
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public int? TeamId { get; set; }
    public string? OwnerId { get; set; }
    /// <summary>The due time as the person reads it, in <see cref="Zone"/>.</summary>
    public DateTime? DueAt { get; set; }
    public IncidentTaskStatus Status { get; set; } = IncidentTaskStatus.Open;
    public string Note { get; set; } = "";

    /// <summary>What the form was opened with, so an unchanged past due time is not refused as "in the past".</summary>
    public DateTime? OriginalDueAt { get; init; }
    public DateTime Now { get; set; }
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>What the typed due time means in UTC (null when none is typed).</summary>
    public WallClockTime? Due => DueAt is { } due ? WallClock.ToUtc(due, Zone) : null;

    public static TaskForm For(TaskRow task, DateTime now, TimeZoneInfo zone)
    {
        var due = task.DueAt is { } utc ? WallClock.ToLocal(utc, zone) : (DateTime?)null;
        return new()
        {
            Title = task.Title, Description = task.Description, TeamId = task.TeamId, OwnerId = task.OwnerId, DueAt = due, OriginalDueAt = due,
            Status = task.Status, Note = task.CompletionNote ?? "", Now = now, Zone = zone,
        };
    }

    // Unchanged, the stored moment is kept as it was (a due time in a repeated hour stays the one it was).
    public TaskInput ToInput(DateTime? storedDueAt = null) => new(Title, Description, TeamId, string.IsNullOrEmpty(OwnerId) ? null : OwnerId,
        DueAt is not null && DueAt == OriginalDueAt && storedDueAt is not null ? storedDueAt : Due?.Utc);

    public bool Finishing => !IncidentTask.IsOpenStatus(Status);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Title)) yield return new("The title is required.", [nameof(Title)]);
        else if (Title.Trim().Length > IncidentTask.MaxTitleLength)
            yield return new($"The title can be at most {IncidentTask.MaxTitleLength} characters.", [nameof(Title)]);
        if (Description.Trim().Length > IncidentTask.MaxDescriptionLength)
            yield return new($"The description can be at most {IncidentTask.MaxDescriptionLength} characters.", [nameof(Description)]);
        if (TeamId is null) yield return new("Choose the team that does the task.", [nameof(TeamId)]);
        if (Due is { Utc: null, Message: var gap }) yield return new(gap, [nameof(DueAt)]);
        else if (Due is { Utc: { } due } && DueAt != OriginalDueAt && due < Now)
            yield return new("The due time cannot be in the past.", [nameof(DueAt)]);
        if (Finishing && Note.Trim().Length > IncidentTask.MaxNoteLength)
            yield return new($"The note can be at most {IncidentTask.MaxNoteLength} characters.", [nameof(Note)]);
    }
}
