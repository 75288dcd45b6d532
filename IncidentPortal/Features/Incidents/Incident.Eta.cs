namespace IncidentPortal.Features.Incidents;

/// <summary>The expected resolution (ETA) the people working an incident commit to; stakeholders read it on /status/internal.</summary>
public partial class Incident
{
    /// <summary>When the incident is expected to be resolved (UTC, to the minute); null when nobody has said.</summary>
    public DateTime? Eta { get; private set; }

    public const int MaxEtaNoteLength = 500;

    /// <summary>Sets, moves or (null) clears the ETA. Internal: the timeline entry is a work record, not a promise to the reporter.</summary>
    public void SetEta(ChangeContext by, DateTime? eta, string? note)
    {
        EnsureOpen();
        if (!by.ActorIsAgent) throw new IncidentRuleException("Only agents and incident managers set the expected resolution.");
        eta = eta is { } e ? new DateTime(e.Year, e.Month, e.Day, e.Hour, e.Minute, 0, DateTimeKind.Utc) : null;
        if (eta is { } when && when <= by.At) throw new IncidentRuleException("The expected resolution must be in the future.");
        if (eta == Eta) throw new IncidentRuleException(eta is null ? "There is no expected resolution to clear." : "That is already the expected resolution.");
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > MaxEtaNoteLength) throw new IncidentRuleException($"The note can be at most {MaxEtaNoteLength} characters.");
        Record(by, "ETA", FormatEta(Eta), FormatEta(eta), isPublic: false, note);
        Eta = eta;
        Touch(by);
    }

    public static string? FormatEta(DateTime? eta) => eta is { } at ? Time.TimeText.Utc(at) : null;
}

/// <summary>Sets the expected resolution; <see cref="Eta"/> null clears it.</summary>
public sealed record SetEta(DateTime? Eta, string? Note = null) : IncidentCommand;
