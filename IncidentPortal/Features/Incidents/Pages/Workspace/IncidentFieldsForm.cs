using System.ComponentModel.DataAnnotations;

namespace IncidentPortal.Features.Incidents.Pages.Workspace;

/// <summary>
/// The workspace's field editor: what the user is typing, the values it started from (<see cref="Baseline"/>, at
/// <see cref="BaseVersion"/>), and the commands that turn the difference into one Save. After a conflict,
/// <see cref="Rebase"/> keeps the user's edits and takes everything else from the latest version.
/// </summary>
public sealed class IncidentFieldsForm : IValidatableObject
{
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";

    public int? ServiceId { get; set; }
    public int? CategoryId { get; set; }
    public int? SubcategoryId { get; set; }
    public Impact Impact { get; set; }
    public Urgency Urgency { get; set; }
    public bool PriorityOverridden { get; set; }
    public Priority? OverriddenPriority { get; set; }
    public string OverrideReason { get; set; } = "";
    public int? TeamId { get; set; }
    public string? AssigneeId { get; set; }

    public IncidentFieldValues Baseline { get; private set; } = default!;
    public int BaseVersion { get; private set; }

    /// <summary>Groups the user edited that someone else also changed, to something else, since the user loaded them.</summary>
    public IReadOnlyList<FieldGroup> Conflicts { get; private set; } = [];

    public static IncidentFieldsForm Load(IncidentFieldValues values, int version)
    {
        var form = new IncidentFieldsForm();
        form.Set(values);
        form.Baseline = values;
        form.BaseVersion = version;
        return form;
    }

    public IncidentFieldValues Current => new(Title, Description, ServiceId, CategoryId, SubcategoryId, Impact, Urgency,
        PriorityOverridden, OverriddenPriority, OverrideReason, TeamId, AssigneeId);

    public IReadOnlyList<FieldGroup> Edited
    {
        get
        {
            var current = Current;
            return IncidentFieldValues.Groups.Where(g => !current.SameAs(Baseline, g)).ToList();
        }
    }

    public bool HasEdits => Edited.Count > 0;

    public bool IsEdited(FieldGroup group) => !Current.SameAs(Baseline, group);

    /// <summary>Moves onto <paramref name="latest"/>: the user's edits stay, every untouched group takes the latest value.</summary>
    public void Rebase(IncidentFieldValues latest, int version)
    {
        var current = Current;
        var merged = latest;
        var conflicts = new List<FieldGroup>();
        foreach (var group in IncidentFieldValues.Groups)
        {
            if (current.SameAs(Baseline, group)) continue;
            merged = merged.With(group, current);
            if (!latest.SameAs(Baseline, group) && !latest.SameAs(current, group)) conflicts.Add(group);
        }
        Set(merged);
        Baseline = latest;
        BaseVersion = version;
        Conflicts = conflicts;
    }

    /// <summary>The Save: only the parts that differ from <see cref="Baseline"/>.</summary>
    public SaveIncidentFields ToCommand()
    {
        var edited = Edited;
        FieldGroup[] editGroups = [FieldGroup.Title, FieldGroup.Description, FieldGroup.Service, FieldGroup.Category, FieldGroup.Impact, FieldGroup.Urgency];
        var edit = editGroups.Any(edited.Contains)
            ? new EditIncident(Title, Description, Impact, Urgency, ServiceId, SubcategoryId ?? CategoryId)
            : null;
        var priorityEdited = edited.Contains(FieldGroup.Priority);
        var overridePriority = priorityEdited && PriorityOverridden && OverriddenPriority is { } priority
            ? new OverridePriority(priority, OverrideReason)
            : null;
        var clearOverride = priorityEdited && !PriorityOverridden && Baseline.PriorityOverridden;
        var assign = edited.Contains(FieldGroup.Assignment) && TeamId is { } team ? new AssignIncident(team, AssigneeId) : null;
        return new SaveIncidentFields(edit, overridePriority, clearOverride, assign);
    }

    // Every rule lives here rather than in attributes, so all messages show at once (attribute errors would hide these).
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Title)) yield return new("The title is required.", [nameof(Title)]);
        else if (Title.Trim().Length > Incident.MaxTitleLength) yield return new("The title can be at most 200 characters.", [nameof(Title)]);
        if ((Description ?? "").Trim().Length > Incident.MaxTextLength)
            yield return new("The description can be at most 8000 characters.", [nameof(Description)]);
        if (PriorityOverridden && OverriddenPriority is null)
            yield return new("Choose the priority to use.", [nameof(OverriddenPriority)]);
        if (PriorityOverridden && string.IsNullOrWhiteSpace(OverrideReason))
            yield return new("Give a reason for overriding the priority.", [nameof(OverrideReason)]);
        if (OverrideReason.Trim().Length > Incident.MaxReasonLength)
            yield return new("The reason can be at most 500 characters.", [nameof(OverrideReason)]);
        if (TeamId is null && AssigneeId is not null)
            yield return new("Choose the assignee's team.", [nameof(TeamId)]);
        if (TeamId is null && Baseline.TeamId is not null)
            yield return new("An incident that has been assigned keeps a team; choose one.", [nameof(TeamId)]);
    }

    private void Set(IncidentFieldValues v) =>
        (Title, Description, ServiceId, CategoryId, SubcategoryId, Impact, Urgency, PriorityOverridden, OverriddenPriority, OverrideReason, TeamId, AssigneeId) =
        (v.Title, v.Description, v.ServiceId, v.CategoryId, v.SubcategoryId, v.Impact, v.Urgency, v.PriorityOverridden, v.OverriddenPriority, v.OverrideReason, v.TeamId, v.AssigneeId);
}
