using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Integrations;

/// <summary>Which monitoring tool sends to an integration: decides the endpoint and the payload it expects.</summary>
public enum IntegrationKind { Alertmanager, Grafana, Events }

/// <summary>What happens to an incident when every alert on it has recovered at the source.</summary>
public enum RecoveryAction { ResolveIncident, NotifyOnly }

/// <summary>
/// A monitoring tool allowed to send alerts in, with its own API key (only the SHA-256 hash is stored), the team its
/// incidents go to, and how its severities become priorities.
/// </summary>
public class AlertIntegration
{
    public const int MaxNameLength = 100;
    public const int DefaultCorrelationMinutes = 10;
    public const int DefaultRateLimitPerMinute = 600;
    public const int MaxRateLimitPerMinute = 1_000_000;

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public IntegrationKind Kind { get; private set; }
    public int TeamId { get; private set; }
    public int? ServiceId { get; private set; }
    public int? CategoryId { get; private set; }
    public Priority CriticalPriority { get; private set; }
    public Priority ErrorPriority { get; private set; }
    public Priority WarningPriority { get; private set; }
    public Priority InfoPriority { get; private set; }
    public RecoveryAction OnRecovery { get; private set; }
    /// <summary>A new alert joins an open incident that has an alert for the same service this recent; 0 turns it off.</summary>
    public int CorrelationMinutes { get; private set; }
    public int RateLimitPerMinute { get; private set; }
    /// <summary>Hex SHA-256 of the key: the key itself is shown once and never stored.</summary>
    public string KeyHash { get; private set; } = "";
    /// <summary>The key's first characters, so admins can tell keys apart.</summary>
    public string KeyPrefix { get; private set; } = "";
    public bool IsEnabled { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime KeyIssuedAt { get; private set; }

    private AlertIntegration() { }

    public static AlertIntegration Create(IntegrationSettings settings, IssuedKey key, DateTime now)
    {
        var integration = new AlertIntegration { CreatedAt = now, IsEnabled = true };
        integration.Apply(settings);
        integration.UseKey(key, now);
        return integration;
    }

    public void Apply(IntegrationSettings s)
    {
        (Name, Kind, TeamId, ServiceId, CategoryId) = (s.Name.Trim(), s.Kind, s.TeamId, s.ServiceId, s.CategoryId);
        (CriticalPriority, ErrorPriority, WarningPriority, InfoPriority) = (s.Critical, s.Error, s.Warning, s.Info);
        (OnRecovery, CorrelationMinutes, RateLimitPerMinute) = (s.OnRecovery, s.CorrelationMinutes, s.RateLimitPerMinute);
    }

    public void UseKey(IssuedKey key, DateTime now) => (KeyHash, KeyPrefix, KeyIssuedAt) = (key.Hash, key.Prefix, now);

    public void SetEnabled(bool enabled) => IsEnabled = enabled;

    public Priority PriorityFor(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => CriticalPriority,
        AlertSeverity.Error => ErrorPriority,
        AlertSeverity.Warning => WarningPriority,
        _ => InfoPriority,
    };
}

/// <summary>What an admin sets on an integration (everything but the key).</summary>
public sealed record IntegrationSettings(string Name, IntegrationKind Kind, int TeamId, int? ServiceId, int? CategoryId,
    Priority Critical, Priority Error, Priority Warning, Priority Info, RecoveryAction OnRecovery,
    int CorrelationMinutes, int RateLimitPerMinute)
{
    public static IntegrationSettings Defaults(string name, IntegrationKind kind, int teamId) => new(name, kind, teamId, null, null,
        Priority.P1, Priority.P2, Priority.P3, Priority.P4, RecoveryAction.ResolveIncident,
        AlertIntegration.DefaultCorrelationMinutes, AlertIntegration.DefaultRateLimitPerMinute);
}
