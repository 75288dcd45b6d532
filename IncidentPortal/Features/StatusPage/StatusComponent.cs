namespace IncidentPortal.Features.StatusPage;

/// <summary>
/// Something the public can see the status of, usually a catalogue service shown under a public name. Its status is
/// derived (open public incidents affecting it, worst wins; maintenance in progress) unless an incident manager
/// overrides it with a reason; <see cref="Status"/> stores the result so the public page reads it without working it out.
/// </summary>
public class StatusComponent
{
    public int Id { get; private set; }
    /// <summary>The catalogue service it shows, if any; a service appears on the page at most once.</summary>
    public int? ServiceId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    /// <summary>Components with the same group are shown together under it; null = ungrouped.</summary>
    public string? GroupName { get; private set; }
    public int DisplayOrder { get; private set; }
    public bool IsVisible { get; private set; } = true;

    /// <summary>The effective status shown to the public.</summary>
    public ComponentStatus Status { get; private set; }
    /// <summary>When <see cref="Status"/> last changed: a status unchanged while an affecting incident is open for long is flagged stale.</summary>
    public DateTime StatusChangedAt { get; private set; }

    public ComponentStatus? OverrideStatus { get; private set; }
    public string? OverrideReason { get; private set; }
    public string? OverrideById { get; private set; }
    public DateTime? OverrideAt { get; private set; }

    public int Version { get; private set; }

    private StatusComponent() { }

    public static StatusComponent Create(string name, string? description, string? groupName, int displayOrder, int? serviceId, DateTime now)
    {
        var component = new StatusComponent { ServiceId = serviceId, StatusChangedAt = now, Version = 1 };
        component.Describe(name, description, groupName, displayOrder, isVisible: true);
        return component;
    }

    public void Describe(string name, string? description, string? groupName, int displayOrder, bool isVisible)
    {
        Name = Required(name, MaxNameLength, "The public name");
        Description = Optional(description, MaxDescriptionLength, "The description");
        GroupName = Optional(groupName, MaxNameLength, "The group name");
        DisplayOrder = displayOrder;
        IsVisible = isVisible;
        Version++;
    }

    public void Override(ComponentStatus status, string reason, string byUserId, DateTime now)
    {
        OverrideReason = Required(reason, MaxReasonLength, "The reason for overriding");
        OverrideStatus = status;
        OverrideById = byUserId;
        OverrideAt = now;
        Version++;
    }

    public void ClearOverride()
    {
        (OverrideStatus, OverrideReason, OverrideById, OverrideAt) = (null, null, null, null);
        Version++;
    }

    /// <summary>Sets the effective status from what affects the component now; returns whether it changed.</summary>
    public bool Apply(ComponentStatus derived, DateTime now)
    {
        var effective = OverrideStatus ?? derived;
        if (effective == Status) return false;
        Status = effective;
        StatusChangedAt = now;
        Version++;
        return true;
    }

    private static string Required(string? value, int max, string what) =>
        Optional(value, max, what) ?? throw new StatusRuleException($"{what} is required.");

    private static string? Optional(string? value, int max, string what)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > max) throw new StatusRuleException($"{what} can be at most {max} characters.");
        return trimmed;
    }

    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 500;
    public const int MaxReasonLength = 500;
}

public sealed class StatusRuleException(string message) : Exception(message);
