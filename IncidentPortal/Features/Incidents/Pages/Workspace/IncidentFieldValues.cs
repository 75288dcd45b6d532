namespace IncidentPortal.Features.Incidents.Pages.Workspace;

/// <summary>The groups of fields the workspace edits; a group is kept or taken over as a whole when merging.</summary>
public enum FieldGroup { Title, Description, Service, Category, Impact, Urgency, Priority, Assignment }

/// <summary>A snapshot of the workspace's editable fields: what was loaded, or what the user has typed.</summary>
public sealed record IncidentFieldValues(string Title, string Description, int? ServiceId, int? CategoryId, int? SubcategoryId,
    Impact Impact, Urgency Urgency, bool PriorityOverridden, Priority? OverriddenPriority, string OverrideReason,
    int? TeamId, string? AssigneeId)
{
    public static IncidentFieldValues From(IncidentDetails incident, IncidentChoiceLists choices)
    {
        var (category, subcategory) = choices.SplitCategory(incident.CategoryId);
        var overridden = incident.PriorityOverrideReason is not null;
        return new(incident.Title, incident.Description, incident.ServiceId, category, subcategory, incident.Impact, incident.Urgency,
            overridden, overridden ? incident.Priority : null, incident.PriorityOverrideReason ?? "", incident.TeamId, incident.AssigneeId);
    }

    /// <summary>Whether the two snapshots agree on <paramref name="group"/>, ignoring surrounding blanks in text.</summary>
    public bool SameAs(IncidentFieldValues other, FieldGroup group) => group switch
    {
        FieldGroup.Title => Norm(Title) == Norm(other.Title),
        FieldGroup.Description => Norm(Description) == Norm(other.Description),
        FieldGroup.Service => ServiceId == other.ServiceId,
        FieldGroup.Category => CategoryId == other.CategoryId && SubcategoryId == other.SubcategoryId,
        FieldGroup.Impact => Impact == other.Impact,
        FieldGroup.Urgency => Urgency == other.Urgency,
        FieldGroup.Priority => PriorityOverridden == other.PriorityOverridden
            && (!PriorityOverridden || (OverriddenPriority == other.OverriddenPriority && Norm(OverrideReason) == Norm(other.OverrideReason))),
        FieldGroup.Assignment => TeamId == other.TeamId && AssigneeId == other.AssigneeId,
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };

    /// <summary>These values with <paramref name="group"/> taken from <paramref name="source"/>.</summary>
    public IncidentFieldValues With(FieldGroup group, IncidentFieldValues source) => group switch
    {
        FieldGroup.Title => this with { Title = source.Title },
        FieldGroup.Description => this with { Description = source.Description },
        FieldGroup.Service => this with { ServiceId = source.ServiceId },
        FieldGroup.Category => this with { CategoryId = source.CategoryId, SubcategoryId = source.SubcategoryId },
        FieldGroup.Impact => this with { Impact = source.Impact },
        FieldGroup.Urgency => this with { Urgency = source.Urgency },
        FieldGroup.Priority => this with
        {
            PriorityOverridden = source.PriorityOverridden,
            OverriddenPriority = source.OverriddenPriority,
            OverrideReason = source.OverrideReason,
        },
        FieldGroup.Assignment => this with { TeamId = source.TeamId, AssigneeId = source.AssigneeId },
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };

    public static readonly FieldGroup[] Groups = Enum.GetValues<FieldGroup>();

    private static string Norm(string? text) => (text ?? "").Trim();
}
