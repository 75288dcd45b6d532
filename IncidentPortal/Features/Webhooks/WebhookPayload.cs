using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Webhooks;

/// <summary>The JSON body of every delivery (camelCase). <see cref="Incident"/> is null for the "ping" test event.</summary>
public sealed record WebhookPayload(string Id, string Event, DateTime OccurredAt, WebhookActor Actor, WebhookIncident? Incident,
    IReadOnlyList<WebhookChange> Changes)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

public sealed record WebhookActor(string Name);

/// <summary>The incident as it is after the change. Status and priority are their names: "InProgress", "P2".</summary>
public sealed record WebhookIncident(int Id, string Reference, string Title, string Status, string Priority, string? Team,
    string? Assignee, string? Service, string Url);

/// <param name="Type">"created", "status", "field", "comment" (public comments only) or "event".</param>
public sealed record WebhookChange(string Type, string? Field, string? From, string? To, string? Text);

/// <summary>Turns one saved incident change into what endpoints are told. Internal work notes never leave here.</summary>
public static class WebhookPayloads
{
    /// <summary>Every event <paramref name="recorded"/> amounts to; endpoints then pick the one they get (<see cref="WebhookEndpoint.EventFor"/>).</summary>
    public static WebhookEvents Triggered(bool isNew, IReadOnlyList<IncidentActivity> recorded)
    {
        if (isNew) return WebhookEvents.Created;
        var events = WebhookEvents.None;
        var statusChanged = recorded.Any(a => a.Kind == ActivityKind.StatusChanged);
        foreach (var activity in recorded)
        {
            events |= activity.Kind switch
            {
                ActivityKind.StatusChanged => WebhookEvents.Updated | StatusEvent(activity.OldValue, activity.NewValue),
                ActivityKind.FieldChanged when activity.Field is "Team" or "Assignee" => WebhookEvents.Updated | WebhookEvents.Assigned,
                ActivityKind.FieldChanged => WebhookEvents.Updated,
                // Resolving and reopening add a public comment too; that is part of the status change, not a comment event.
                ActivityKind.PublicComment => WebhookEvents.Updated | (statusChanged ? WebhookEvents.None : WebhookEvents.Commented),
                ActivityKind.WorkNote => WebhookEvents.None,
                _ => activity.IsPublic ? WebhookEvents.Updated : WebhookEvents.None,
            };
        }
        return events;
    }

    private static WebhookEvents StatusEvent(string? from, string? to) => to switch
    {
        nameof(IncidentStatus.Resolved) => WebhookEvents.Resolved,
        nameof(IncidentStatus.Closed) => WebhookEvents.Closed,
        nameof(IncidentStatus.Cancelled) => WebhookEvents.Cancelled,
        _ when from == nameof(IncidentStatus.Resolved) => WebhookEvents.Reopened,
        _ => WebhookEvents.None,
    };

    /// <summary>What changed, as receivers see it: no work notes, no internal notes on internal fields, no internal events.</summary>
    public static IReadOnlyList<WebhookChange> Changes(IEnumerable<IncidentActivity> recorded) => recorded
        .Select(a => a.Kind switch
        {
            ActivityKind.Created => new WebhookChange("created", null, null, null, a.Text),
            ActivityKind.StatusChanged => new WebhookChange("status", "Status", a.OldValue, a.NewValue, a.IsPublic ? a.Text : null),
            ActivityKind.FieldChanged => new WebhookChange("field", a.Field, a.OldValue, a.NewValue, a.IsPublic ? a.Text : null),
            ActivityKind.PublicComment => new WebhookChange("comment", null, null, null, a.Text),
            ActivityKind.WorkNote => null,
            _ => a.IsPublic ? new WebhookChange("event", a.Field, null, null, a.Text) : null,
        })
        .OfType<WebhookChange>()
        .ToList();

    public static WebhookIncident Incident(Incident incident, string? team, string? assignee, string? service, string portalUrl) =>
        new(incident.Id, incident.Reference, incident.Title, incident.Status.ToString(), incident.Priority.ToString(), team, assignee,
            service, $"{portalUrl.TrimEnd('/')}/incidents/{incident.Id}");

    public static WebhookPayload Ping(string deliveryId, DateTime now, string actorName) =>
        new(deliveryId, WebhookEventNames.Ping, now, new WebhookActor(actorName), null, []);

    public static string NewDeliveryId() => Guid.NewGuid().ToString();
}
