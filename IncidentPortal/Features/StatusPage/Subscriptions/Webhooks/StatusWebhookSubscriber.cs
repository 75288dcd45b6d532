namespace IncidentPortal.Features.StatusPage.Subscriptions.Webhooks;

/// <summary>How a webhook subscriber wants the notice: our own JSON, or a message a chat tool's incoming webhook shows.</summary>
public enum StatusWebhookFormat { Generic, Slack, Teams }

/// <summary>
/// An address that receives a POST for every notice on the chosen components (none = all). Active at once: the target
/// must be a public http(s) address (see <see cref="WebhookTargets"/>), so there is no inbox to confirm from; the
/// unsubscribe link is shown once on subscribing and travels in every generic payload.
/// </summary>
public class StatusWebhookSubscriber
{
    public const int MaxUrlLength = 2000;

    private readonly List<StatusWebhookSubscriberComponent> components = [];

    public int Id { get; private set; }
    public string Url { get; private set; } = "";
    public StatusWebhookFormat Format { get; private set; }
    /// <summary>Kept as issued: every payload can carry it. It grants nothing but removing this subscription.</summary>
    public string UnsubscribeToken { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public string? CreatedFromIp { get; private set; }
    public IReadOnlyList<StatusWebhookSubscriberComponent> Components => components;

    public bool CoversAllComponents => components.Count == 0;

    private StatusWebhookSubscriber() { }

    public static StatusWebhookSubscriber Create(Uri url, StatusWebhookFormat format, IEnumerable<int> componentIds, string? ip, DateTime now)
    {
        var subscriber = new StatusWebhookSubscriber
        {
            Url = url.AbsoluteUri,
            Format = format,
            UnsubscribeToken = SubscriptionTokens.New(),
            CreatedAt = now,
            CreatedFromIp = ip is { Length: > 45 } ? ip[..45] : ip,
        };
        subscriber.components.AddRange(componentIds.Distinct().Order().Select(id => new StatusWebhookSubscriberComponent(id)));
        return subscriber;
    }

    public bool Covers(IReadOnlyCollection<int> componentIds) =>
        CoversAllComponents || componentIds.Count == 0 || components.Any(c => componentIds.Contains(c.ComponentId));
}

public class StatusWebhookSubscriberComponent(int componentId)
{
    public int SubscriberId { get; private set; }
    public int ComponentId { get; private set; } = componentId;
}

/// <summary>One HTTP attempt to deliver one notice: the delivery log incident managers read.</summary>
public class StatusWebhookDelivery
{
    public const int MaxErrorLength = 500;

    public long Id { get; private set; }
    public int SubscriberId { get; private set; }
    /// <summary>The outbox message: the attempts of one notice share it.</summary>
    public long MessageId { get; private set; }
    public string NoticeTitle { get; private set; } = "";
    public int Attempt { get; private set; }
    public DateTime At { get; private set; }
    public int DurationMs { get; private set; }
    public int? StatusCode { get; private set; }
    public string? Error { get; private set; }
    public bool Succeeded { get; private set; }
    /// <summary>No more attempts follow: delivered, refused for good, or out of attempts.</summary>
    public bool IsFinal { get; private set; }

    private StatusWebhookDelivery() { }

    public static StatusWebhookDelivery Record(int subscriberId, long messageId, string title, int attempt, DateTime at,
        TimeSpan duration, int? statusCode, string? error, bool isFinal) => new()
        {
            SubscriberId = subscriberId,
            MessageId = messageId,
            NoticeTitle = title.Length > 200 ? title[..200] : title,
            Attempt = attempt,
            At = at,
            DurationMs = (int)Math.Min(int.MaxValue, duration.TotalMilliseconds),
            StatusCode = statusCode,
            Error = error is { Length: > MaxErrorLength } ? error[..MaxErrorLength] : error,
            Succeeded = statusCode is >= 200 and < 300,
            IsFinal = isFinal || statusCode is >= 200 and < 300,
        };
}
