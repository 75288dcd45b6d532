namespace IncidentPortal.Features.StatusPage;

/// <summary>
/// An incident's public face on the status page: its own public title (never the internal one), the phase, the
/// components it affects and how, and the updates published so far. Only what an incident manager published is here,
/// so nothing internal can reach the page by accident.
/// </summary>
public class PublicIncident
{
    public int Id { get; private set; }
    /// <summary>The portal incident it speaks for; one public incident per incident.</summary>
    public int IncidentId { get; private set; }
    public string Title { get; private set; } = "";
    public IncidentPhase Phase { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? ResolvedAt { get; private set; }
    public List<PublicIncidentUpdate> Updates { get; } = [];
    /// <summary>The components affected now and their status; emptied when resolved.</summary>
    public List<PublicIncidentImpact> Impacts { get; } = [];
    public int Version { get; private set; }

    public bool IsOpen => Phase != IncidentPhase.Resolved;

    private PublicIncident() { }

    public static PublicIncident Open(int incidentId, string title, DateTime now) => new()
    {
        IncidentId = incidentId, Title = Text(title, MaxTitleLength, "The public title"), Phase = IncidentPhase.Investigating,
        CreatedAt = now, UpdatedAt = now, Version = 1,
    };

    /// <summary>Publishes an update: the phase, the message and the components affected from now on (ignored when resolving).</summary>
    public PublicIncidentUpdate Publish(IncidentPhase phase, string title, string message, IReadOnlyDictionary<int, ComponentStatus> impacts,
        string? byUserId, DateTime now)
    {
        if (!IsOpen) throw new StatusRuleException("This public incident is resolved; reopen the incident to publish again.");
        Title = Text(title, MaxTitleLength, "The public title");
        message = Text(message, MaxMessageLength, "The message");
        if (phase != IncidentPhase.Resolved && impacts.Values.Any(s => s is ComponentStatus.Operational or ComponentStatus.UnderMaintenance))
            throw new StatusRuleException("An affected component is degraded, partially or fully out; remove the ones that are fine.");
        Phase = phase;
        Impacts.Clear();
        if (phase == IncidentPhase.Resolved) ResolvedAt = now;
        else Impacts.AddRange(impacts.Select(i => new PublicIncidentImpact(i.Key, i.Value)));
        var update = new PublicIncidentUpdate(phase, message, byUserId, now,
            string.Join(",", impacts.Select(i => $"{i.Key}:{i.Value}")));
        Updates.Add(update);
        UpdatedAt = now;
        Version++;
        return update;
    }

    /// <summary>The incident was reopened: the public incident is live again, investigating.</summary>
    public void Reopen(DateTime now)
    {
        if (IsOpen) return;
        Phase = IncidentPhase.Investigating;
        ResolvedAt = null;
        UpdatedAt = now;
        Version++;
    }

    internal static string Text(string? value, int max, string what)
    {
        var trimmed = (value ?? "").Trim();
        if (trimmed.Length == 0) throw new StatusRuleException($"{what} is required.");
        if (trimmed.Length > max) throw new StatusRuleException($"{what} can be at most {max} characters.");
        return trimmed;
    }

    public const int MaxTitleLength = 200;
    public const int MaxMessageLength = 4000;
}

/// <summary>One published update, immutable: the page's incident history.</summary>
public class PublicIncidentUpdate
{
    public long Id { get; private set; }
    public int PublicIncidentId { get; private set; }
    public IncidentPhase Phase { get; private set; }
    public string Message { get; private set; } = "";
    public string? PublishedById { get; private set; }
    public DateTime PublishedAt { get; private set; }
    /// <summary>"componentId:Status,…" as published, so history can say what was affected at the time.</summary>
    public string AffectedComponents { get; private set; } = "";

    private PublicIncidentUpdate() { }

    internal PublicIncidentUpdate(IncidentPhase phase, string message, string? byUserId, DateTime at, string affected)
    {
        (Phase, Message, PublishedById, PublishedAt, AffectedComponents) = (phase, message, byUserId, at, affected);
    }
}

public class PublicIncidentImpact
{
    public int PublicIncidentId { get; private set; }
    public int ComponentId { get; private set; }
    public ComponentStatus Status { get; private set; }

    private PublicIncidentImpact() { }

    internal PublicIncidentImpact(int componentId, ComponentStatus status) => (ComponentId, Status) = (componentId, status);
}
