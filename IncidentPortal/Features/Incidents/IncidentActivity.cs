namespace IncidentPortal.Features.Incidents;

/// <summary><see cref="Event"/>: something the portal did or noticed (SLA, routing, escalation, tasks, alerts); Field names the topic.</summary>
public enum ActivityKind { Created, FieldChanged, StatusChanged, PublicComment, WorkNote, Event }

/// <summary>One immutable line of an incident's timeline: a change (field, old → new) or a comment.</summary>
public class IncidentActivity
{
    public long Id { get; private set; }
    public int IncidentId { get; private set; }
    public DateTime At { get; private set; }
    /// <summary>Null for the system (auto-close, monitoring).</summary>
    public string? ActorId { get; private set; }
    public ActivityKind Kind { get; private set; }
    public string? Field { get; private set; }
    public string? OldValue { get; private set; }
    public string? NewValue { get; private set; }
    public string? Text { get; private set; }
    /// <summary>Whether the reporter may see it. Work notes and internal fields are not public.</summary>
    public bool IsPublic { get; private set; }
    /// <summary>The incident's version this change produced: what a stale editor has missed is everything above its version.</summary>
    public int IncidentVersion { get; internal set; }

    private IncidentActivity() { }

    internal static IncidentActivity Change(ChangeContext by, string field, string? oldValue, string? newValue, bool isPublic, string? note = null) => new()
    {
        At = by.At, ActorId = by.ActorId, Kind = field == "Status" ? ActivityKind.StatusChanged : ActivityKind.FieldChanged,
        Field = field, OldValue = oldValue, NewValue = newValue, IsPublic = isPublic, Text = note,
    };

    internal static IncidentActivity Comment(ChangeContext by, string text, bool isPublic) => new()
    {
        At = by.At, ActorId = by.ActorId, Kind = isPublic ? ActivityKind.PublicComment : ActivityKind.WorkNote,
        Text = text, IsPublic = isPublic,
    };

    internal static IncidentActivity Event(ChangeContext by, string topic, string text, bool isPublic) => new()
    {
        At = by.At, ActorId = by.ActorId, Kind = ActivityKind.Event, Field = topic, Text = text, IsPublic = isPublic,
    };

    internal static IncidentActivity Created(ChangeContext by, string text) => new()
    {
        At = by.At, ActorId = by.ActorId, Kind = ActivityKind.Created, Text = text, IsPublic = true,
    };
}

/// <summary>Who makes a change, and when.</summary>
public sealed record ChangeContext(string? ActorId, DateTime At, bool ActorIsAgent);
