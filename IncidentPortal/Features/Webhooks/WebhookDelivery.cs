namespace IncidentPortal.Features.Webhooks;

public enum WebhookAttemptOutcome
{
    Delivered,
    /// <summary>Failed in a way worth trying again (5xx, 408, 429, timeout, network): the outbox retries with backoff.</summary>
    WillRetry,
    /// <summary>Failed for good: the receiver refused (4xx, a redirect), the endpoint is disabled, or retries ran out.</summary>
    GaveUp,
}

/// <summary>One HTTP attempt to deliver one event to one endpoint: the delivery log admins read.</summary>
public class WebhookDelivery
{
    public const int MaxSnippetLength = 2000;
    public const int MaxErrorLength = 1000;

    public long Id { get; private set; }
    public int EndpointId { get; private set; }
    /// <summary>The X-IncidentPortal-Delivery id; the same on retries and redeliveries, so receivers can drop duplicates.</summary>
    public string DeliveryId { get; private set; } = "";
    public string Event { get; private set; } = "";
    public int? IncidentId { get; private set; }
    /// <summary>1 for the first try of this delivery; counts on across retries and redeliveries.</summary>
    public int Attempt { get; private set; }
    public bool IsRedelivery { get; private set; }
    public DateTime AttemptedAt { get; private set; }
    public int? StatusCode { get; private set; }
    public int DurationMs { get; private set; }
    public WebhookAttemptOutcome Outcome { get; private set; }
    public string? Error { get; private set; }
    public string? ResponseSnippet { get; private set; }
    /// <summary>The JSON sent, so admins can see what the receiver got and redeliver it.</summary>
    public string RequestBody { get; private set; } = "";

    private WebhookDelivery() { }

    public static WebhookDelivery Record(WebhookDispatch dispatch, int attempt, DateTime at, int? statusCode, TimeSpan duration,
        WebhookAttemptOutcome outcome, string? error, string? responseSnippet) => new()
        {
            EndpointId = dispatch.EndpointId,
            DeliveryId = dispatch.DeliveryId,
            Event = dispatch.Event,
            IncidentId = dispatch.IncidentId,
            IsRedelivery = dispatch.IsRedelivery,
            RequestBody = dispatch.Body,
            Attempt = attempt,
            AttemptedAt = at,
            StatusCode = statusCode,
            DurationMs = (int)Math.Min(int.MaxValue, duration.TotalMilliseconds),
            Outcome = outcome,
            Error = Cut(error, MaxErrorLength),
            ResponseSnippet = Cut(responseSnippet, MaxSnippetLength),
        };

    /// <summary>Retries ran out: the last retryable failure is where the outbox stopped.</summary>
    public void MarkFinal() => Outcome = Outcome == WebhookAttemptOutcome.WillRetry ? WebhookAttemptOutcome.GaveUp : Outcome;

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>An outbox message of kind "webhook": one event for one endpoint, with the body frozen at the time of the change.</summary>
public sealed record WebhookDispatch(int EndpointId, string DeliveryId, string Event, int? IncidentId, string Body, bool IsRedelivery = false)
{
    public const string Kind = "webhook";
}
