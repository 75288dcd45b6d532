using IncidentPortal.Features.Integrations;

namespace IncidentPortal.Features.Alerts;

/// <summary>What became of one signal: applied to an alert (with its incident), or dropped as PagerDuty drops it.</summary>
public sealed record SignalOutcome(string DedupKey, bool Applied, int? AlertId, int? IncidentId, bool OpenedIncident);

/// <summary>One ingest request waiting for the writer: completed only after its batch has committed.</summary>
public sealed class AlertSubmission(ActiveIntegration integration, IReadOnlyList<AlertSignal> signals)
{
    public ActiveIntegration Integration { get; } = integration;
    public IReadOnlyList<AlertSignal> Signals { get; } = signals;
    /// <summary>Filled while the batch runs; ids are known only after the commit, so outcomes are read from the alerts then.</summary>
    internal List<(string Key, Alert? Alert, bool OpenedIncident)> Applied { get; } = [];

    internal IReadOnlyList<SignalOutcome> Outcomes() =>
        Applied.Select(a => new SignalOutcome(a.Key, a.Alert is not null, a.Alert?.Id, a.Alert?.IncidentId, a.OpenedIncident)).ToList();
    public TaskCompletionSource<IReadOnlyList<SignalOutcome>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Work that follows a committed batch: told to the incident through its own unit of work.</summary>
public abstract record AlertFollowUp(int IncidentId);
/// <summary>Every alert on the incident may have recovered: resolve it, or tell the team, per the integration.</summary>
public sealed record AlertsRecovered(int IncidentId, int IntegrationId) : AlertFollowUp(IncidentId);
/// <summary>A note for the incident's timeline (an alert joined it, or was acknowledged at the source).</summary>
public sealed record AlertNote(int IncidentId, string Text) : AlertFollowUp(IncidentId);
