namespace IncidentPortal.Features.Integrations;

/// <summary>The four PagerDuty Events v2 severities; every tool's wording is mapped onto them.</summary>
public enum AlertSeverity { Critical, Error, Warning, Info }

public static class AlertSeverities
{
    /// <summary>Alertmanager and Grafana rules use free-form severity labels; these are the usual spellings.</summary>
    public static AlertSeverity? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "critical" or "crit" or "page" or "fatal" or "emergency" or "p1" or "disaster" => AlertSeverity.Critical,
        "error" or "err" or "major" or "high" or "p2" => AlertSeverity.Error,
        "warning" or "warn" or "minor" or "medium" or "average" or "p3" => AlertSeverity.Warning,
        "info" or "information" or "informational" or "low" or "none" or "p4" or "p5" or "ok" => AlertSeverity.Info,
        _ => null,
    };

    public static string Label(AlertSeverity severity) => severity.ToString().ToLowerInvariant();
}
