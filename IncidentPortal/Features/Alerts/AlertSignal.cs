using IncidentPortal.Features.Integrations;

namespace IncidentPortal.Features.Alerts;

public enum SignalAction { Trigger, Acknowledge, Resolve }

/// <summary>
/// One alert event from any tool, in one shape: an Alertmanager or Grafana alert in a group notification, or one
/// Events v2 event. Built and validated by the payload readers; <see cref="DedupKey"/> is null only for an Events v2
/// trigger without a key (which always opens a new alert).
/// </summary>
public sealed record AlertSignal(
    SignalAction Action,
    string? DedupKey,
    string Summary,
    AlertSeverity Severity,
    string? Source,
    string? Component,
    string? Service,
    string? Link,
    string LabelsJson,
    string DetailsJson,
    DateTime? StartsAt,
    DateTime? EndsAt,
    string Title,
    string Description);
