using System.ComponentModel.DataAnnotations;

namespace IncidentPortal.Features.ActionItems.Pages;

/// <summary>The add/edit dialog's fields; checks what the browser can, the item's own rules decide in the end.</summary>
public sealed class ActionItemForm : IValidatableObject
{
    public string Title { get; set; } = "";
    public int? TeamId { get; set; }
    public string? OwnerId { get; set; }
    public DateTime? DueDate { get; set; }
    public ActionItemPriority Priority { get; set; } = ActionItemPriority.Medium;
    public ActionItemType Type { get; set; } = ActionItemType.Prevent;
    public ActionItemStatus Status { get; set; } = ActionItemStatus.Open;

    public DateTime? OriginalDueDate { get; init; }
    public DateTime Today { get; set; }

    public static ActionItemForm For(ActionItemRow row, DateTime today) => new()
    {
        Title = row.Title, TeamId = row.TeamId, OwnerId = row.OwnerId, DueDate = row.DueDate, OriginalDueDate = row.DueDate,
        Priority = row.Priority, Type = row.Type, Status = row.Status, Today = today,
    };

    public ActionItemInput ToInput() => new(Title, TeamId, string.IsNullOrEmpty(OwnerId) ? null : OwnerId,
        DueDate is { } due ? DateTime.SpecifyKind(due.Date, DateTimeKind.Utc) : null, Priority, Type);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Title)) yield return new("The title is required.", [nameof(Title)]);
        else if (Title.Trim().Length > ActionItem.MaxTitleLength)
            yield return new($"The title can be at most {ActionItem.MaxTitleLength} characters.", [nameof(Title)]);
        if (TeamId is null) yield return new("Choose the team responsible.", [nameof(TeamId)]);
        if (string.IsNullOrEmpty(OwnerId)) yield return new("Choose the owner.", [nameof(OwnerId)]);
        if (DueDate is null) yield return new("Choose a due date.", [nameof(DueDate)]);
        else if (DueDate.Value.Date != OriginalDueDate?.Date && DueDate.Value.Date < Today.Date)
            yield return new("The due date cannot be in the past.", [nameof(DueDate)]);
    }
}
