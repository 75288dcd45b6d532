namespace IncidentPortal.Features.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>How long one HTTP attempt may take before it counts as failed (and is retried by the outbox).</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Quick retries of one attempt on network errors (connection refused or reset), before the outbox's backoff.</summary>
    public int NetworkRetries { get; set; } = 1;
}
