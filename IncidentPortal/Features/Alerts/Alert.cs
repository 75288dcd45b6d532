using IncidentPortal.Features.Integrations;

namespace IncidentPortal.Features.Alerts;

public enum AlertStatus { Triggered, Acknowledged, Resolved }

/// <summary>
/// One problem as a monitoring tool reports it, identified by its integration and dedup key (Alertmanager's
/// fingerprint, PagerDuty's dedup_key). While it is open, repeats of the same key count here instead of opening
/// incidents; once resolved, the same key starts a new alert.
/// </summary>
public partial class Alert
{
    public const int MaxKeyLength = 255;
    public const int MaxSummaryLength = 1024;
    public const int MaxNameLength = 255;
    public const int MaxLinkLength = 2000;
    /// <summary>Occurrences kept per alert; older ones are pruned, the count keeps going.</summary>
    public const int KeptOccurrences = 20;

    public int Id { get; private set; }
    public int IntegrationId { get; private set; }
    public string DedupKey { get; private set; } = "";
    public AlertStatus Status { get; private set; }
    public string Summary { get; private set; } = "";
    public AlertSeverity Severity { get; private set; }
    public string? Source { get; private set; }
    public string? Component { get; private set; }
    /// <summary>What correlation groups by: the service label (or Events v2 group/component).</summary>
    public string? Service { get; private set; }
    public string? Link { get; private set; }
    /// <summary>Alertmanager/Grafana labels, or the Events v2 payload fields, as a JSON object of strings.</summary>
    public string LabelsJson { get; private set; } = "{}";
    /// <summary>Annotations, or Events v2 custom_details, as JSON.</summary>
    public string DetailsJson { get; private set; } = "{}";
    /// <summary>When the source says the problem started (Alertmanager startsAt); null for Events v2.</summary>
    public DateTime? StartsAt { get; private set; }
    public DateTime FirstSeenAt { get; private set; }
    public DateTime LastSeenAt { get; private set; }
    public DateTime? AcknowledgedAt { get; private set; }
    public DateTime? ResolvedAt { get; private set; }
    public int OccurrenceCount { get; private set; }
    public int IncidentId { get; private set; }

    public List<AlertOccurrence> Occurrences { get; } = [];

    public bool IsOpen => Status != AlertStatus.Resolved;

    private Alert() { }

    public static Alert Open(int integrationId, string key, AlertSignal signal, DateTime now, int incidentId)
    {
        var alert = new Alert
        {
            IntegrationId = integrationId,
            DedupKey = key,
            Status = AlertStatus.Triggered,
            FirstSeenAt = now,
            IncidentId = incidentId,
        };
        alert.Take(signal, now, OccurrenceAction.Trigger);
        return alert;
    }

    /// <summary>For an alert whose incident is inserted in the same transaction (its id is not known yet).</summary>
    public void AttachTo(Incidents.Incident incident) => (Incident, IncidentId) = (incident, incident.Id);

    public Incidents.Incident? Incident { get; private set; }

    /// <summary>The same problem reported again: counted, and the latest summary and labels kept.</summary>
    public void Repeat(AlertSignal signal, DateTime now)
    {
        if (signal.StartsAt is { } startsAt && (StartsAt is null || startsAt > StartsAt)) StartsAt = startsAt;
        Take(signal, now, OccurrenceAction.Repeat);
    }

    public void Acknowledge(AlertSignal signal, DateTime now)
    {
        if (Status == AlertStatus.Triggered) (Status, AcknowledgedAt) = (AlertStatus.Acknowledged, now);
        Record(signal, now, OccurrenceAction.Acknowledge);
    }

    public void Resolve(AlertSignal signal, DateTime now)
    {
        Status = AlertStatus.Resolved;
        ResolvedAt = signal.EndsAt is { } endsAt && endsAt <= now ? endsAt : now;
        Record(signal, now, OccurrenceAction.Resolve);
    }

    /// <summary>
    /// A report from before this alert's current firing (an Alertmanager peer's late copy): applying it would resolve
    /// or reopen the wrong thing.
    /// </summary>
    public bool IsOlderThanCurrentFiring(AlertSignal signal) => signal.StartsAt is { } s && StartsAt is { } current && s < current;

    private void Take(AlertSignal signal, DateTime now, OccurrenceAction action)
    {
        Summary = signal.Summary;
        Severity = signal.Severity;
        (Source, Component, Service, Link) = (signal.Source, signal.Component, signal.Service, signal.Link);
        (LabelsJson, DetailsJson) = (signal.LabelsJson, signal.DetailsJson);
        StartsAt ??= signal.StartsAt;
        Record(signal, now, action);
    }

    private void Record(AlertSignal signal, DateTime now, OccurrenceAction action)
    {
        LastSeenAt = now;
        OccurrenceCount++;
        Occurrences.Add(new AlertOccurrence(OccurrenceCount, now, action, signal.Summary, signal.Severity));
    }
}

public enum OccurrenceAction { Trigger, Repeat, Acknowledge, Resolve }

/// <summary>One report received for an alert. Only the latest <see cref="Alert.KeptOccurrences"/> are kept.</summary>
public class AlertOccurrence(int sequence, DateTime at, OccurrenceAction action, string summary, AlertSeverity severity)
{
    public long Id { get; private set; }
    public int AlertId { get; private set; }
    /// <summary>1 for the first report, counting up; pruning keeps the highest.</summary>
    public int Sequence { get; private set; } = sequence;
    public DateTime At { get; private set; } = at;
    public OccurrenceAction Action { get; private set; } = action;
    public string Summary { get; private set; } = summary;
    public AlertSeverity Severity { get; private set; } = severity;
}
