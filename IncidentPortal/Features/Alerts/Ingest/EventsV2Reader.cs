using System.Text;
using System.Text.Json;
using IncidentPortal.Features.Integrations;
using static IncidentPortal.Features.Alerts.Ingest.JsonFields;

namespace IncidentPortal.Features.Alerts.Ingest;

/// <summary>One event in PagerDuty Events API v2 shape, and the routing_key it carried (if any).</summary>
public sealed record EventsV2Event(string? RoutingKey, AlertSignal Signal);

/// <summary>
/// Reads a PagerDuty Events API v2 event: event_action trigger/acknowledge/resolve, dedup_key (at most 255
/// characters), and for a trigger the payload with summary, source and severity (required, as PagerDuty requires
/// them) plus component, group, class, timestamp and custom_details.
/// </summary>
public static class EventsV2Reader
{
    public static EventsV2Event Read(ReadOnlyMemory<byte> body)
    {
        using var document = Parse(body);
        var root = RequireObject(document.RootElement, "The body");
        var routingKey = OptionalString(root, "routing_key", "The body", 200);
        var actionText = OptionalString(root, "event_action", "The body", 20)
            ?? throw new PayloadException("event_action is required: trigger, acknowledge or resolve.");
        var action = actionText switch
        {
            "trigger" => SignalAction.Trigger,
            "acknowledge" => SignalAction.Acknowledge,
            "resolve" => SignalAction.Resolve,
            _ => throw new PayloadException($"event_action must be trigger, acknowledge or resolve, not \"{Clip(actionText)}\"."),
        };
        var key = Optional(root, "dedup_key") is { ValueKind: not JsonValueKind.String } notText
            ? throw new PayloadException($"dedup_key must be a string, not {notText.ValueKind.ToString().ToLowerInvariant()}.")
            : OptionalString(root, "dedup_key", "The body", Alert.MaxKeyLength);
        if (key is null && action != SignalAction.Trigger)
            throw new PayloadException($"dedup_key is required to {actionText}: it names the alert to {actionText}.");
        var link = Links(root);

        if (action != SignalAction.Trigger)
        {
            var note = $"{actionText} from the source";
            return new EventsV2Event(routingKey, new AlertSignal(action, key, note, AlertSeverity.Info, null, null, null, link,
                "{}", "{}", null, null, note, note));
        }

        if (Optional(root, "payload") is not { } payload) throw new PayloadException("payload is required for a trigger event.");
        RequireObject(payload, "payload");
        var summary = RequireString(payload, "summary", "payload", Alert.MaxSummaryLength);
        var source = RequireString(payload, "source", "payload", Alert.MaxNameLength);
        var severityText = RequireString(payload, "severity", "payload", 20);
        var severity = severityText switch
        {
            "critical" => AlertSeverity.Critical,
            "error" => AlertSeverity.Error,
            "warning" => AlertSeverity.Warning,
            "info" => AlertSeverity.Info,
            _ => throw new PayloadException($"payload.severity must be critical, error, warning or info, not \"{Clip(severityText)}\"."),
        };
        var component = OptionalString(payload, "component", "payload", Alert.MaxNameLength);
        var group = OptionalString(payload, "group", "payload", Alert.MaxNameLength);
        var @class = OptionalString(payload, "class", "payload", Alert.MaxNameLength);
        _ = OptionalTime(payload, "timestamp", "payload");
        var details = Optional(payload, "custom_details")?.GetRawText() ?? "{}";

        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["source"] = source, ["severity"] = severityText };
        if (component is not null) labels["component"] = component;
        if (group is not null) labels["group"] = group;
        if (@class is not null) labels["class"] = @class;
        var description = new StringBuilder(summary).AppendLine().AppendLine()
            .AppendLine("Source: " + source + (component is null ? "" : $" · component {component}") + (group is null ? "" : $" · group {group}"));
        if (details != "{}") description.AppendLine("Details: " + details);
        if (link is not null) description.AppendLine("Link: " + link);
        return new EventsV2Event(routingKey, new AlertSignal(action, key, summary, severity, source, component, group ?? component,
            link, ToJson(labels), details, null, null,
            GroupNotificationReader.Limit(summary, Incidents.Incident.MaxTitleLength)!,
            GroupNotificationReader.Limit(description.ToString().Trim(), Incidents.Incident.MaxTextLength)!));
    }

    private static string? Links(JsonElement root)
    {
        if (Optional(root, "links") is { ValueKind: JsonValueKind.Array } links)
        {
            foreach (var link in links.EnumerateArray())
            {
                if (link.ValueKind == JsonValueKind.Object && OptionalString(link, "href", "links[]", Alert.MaxLinkLength) is { } href) return href;
            }
        }
        return OptionalString(root, "client_url", "The body", Alert.MaxLinkLength);
    }
}
