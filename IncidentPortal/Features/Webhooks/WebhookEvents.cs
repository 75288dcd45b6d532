namespace IncidentPortal.Features.Webhooks;

/// <summary>The incident events an endpoint can subscribe to; stored as their names ("Created, Resolved").</summary>
[Flags]
public enum WebhookEvents
{
    None = 0,
    Created = 1,
    /// <summary>Any change a receiver may see: fields, status, public comments. The catch-all.</summary>
    Updated = 2,
    Assigned = 4,
    /// <summary>Public comments only; internal work notes are never sent anywhere.</summary>
    Commented = 8,
    Resolved = 16,
    Reopened = 32,
    Closed = 64,
    Cancelled = 128,
}

public static class WebhookEventNames
{
    /// <summary>The event the "Send test event" button sends; it carries no incident.</summary>
    public const string Ping = "ping";

    /// <summary>
    /// When one save triggers several events, an endpoint gets one delivery, named after the first of these it
    /// subscribes to: the most specific one wins, <see cref="WebhookEvents.Updated"/> is the fallback.
    /// </summary>
    public static readonly WebhookEvents[] Precedence =
    [
        WebhookEvents.Created, WebhookEvents.Resolved, WebhookEvents.Closed, WebhookEvents.Cancelled, WebhookEvents.Reopened,
        WebhookEvents.Assigned, WebhookEvents.Commented, WebhookEvents.Updated,
    ];

    public static IEnumerable<WebhookEvents> All => Precedence.OrderBy(e => (int)e);

    /// <summary>The name on the wire and in the X-IncidentPortal-Event header: "incident.resolved".</summary>
    public static string WireName(WebhookEvents one) => "incident." + one.ToString().ToLowerInvariant();

    public static string Describe(WebhookEvents one) => one switch
    {
        WebhookEvents.Created => "Created: an incident is reported or logged",
        WebhookEvents.Updated => "Updated: any visible change (fields, status, public comments)",
        WebhookEvents.Assigned => "Assigned: the team or assignee changes",
        WebhookEvents.Commented => "Commented: a public comment is added",
        WebhookEvents.Resolved => "Resolved",
        WebhookEvents.Reopened => "Reopened",
        WebhookEvents.Closed => "Closed",
        WebhookEvents.Cancelled => "Cancelled",
        _ => one.ToString(),
    };

    public static IEnumerable<WebhookEvents> Split(WebhookEvents events) => All.Where(e => events.HasFlag(e));
}
