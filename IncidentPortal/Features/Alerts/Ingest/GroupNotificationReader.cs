using System.Text;
using System.Text.Json;
using IncidentPortal.Features.Integrations;
using static IncidentPortal.Features.Alerts.Ingest.JsonFields;

namespace IncidentPortal.Features.Alerts.Ingest;

/// <summary>
/// Reads a grouped notification: Prometheus Alertmanager's webhook payload (version "4") or Grafana unified
/// alerting's webhook payload (version "1", the same alert shape plus dashboard and panel links). Every alert in the
/// group becomes a signal: firing ones trigger, resolved ones (send_resolved) resolve.
/// </summary>
public static class GroupNotificationReader
{
    public static IReadOnlyList<AlertSignal> Read(ReadOnlyMemory<byte> body, IntegrationKind kind)
    {
        using var document = Parse(body);
        var root = RequireObject(document.RootElement, "The body");
        var expected = kind == IntegrationKind.Grafana ? "1" : "4";
        if (Optional(root, "version") is { } version && (version.ValueKind != JsonValueKind.String || version.GetString() != expected))
            throw new PayloadException($"version {version.GetRawText()} is not supported; this endpoint reads version \"{expected}\" payloads.");
        var groupStatus = OptionalString(root, "status", "The body", 20);
        if (Optional(root, "alerts") is not { ValueKind: JsonValueKind.Array } alerts)
            throw new PayloadException("alerts is required and must be an array of alerts.");
        if (alerts.GetArrayLength() == 0) throw new PayloadException("alerts is empty; a notification carries at least one alert.");

        var signals = new List<AlertSignal>(alerts.GetArrayLength());
        var index = 0;
        foreach (var alert in alerts.EnumerateArray()) signals.Add(ReadAlert(alert, $"alerts[{index++}]", groupStatus, kind));
        return signals;
    }

    private static AlertSignal ReadAlert(JsonElement alert, string path, string? groupStatus, IntegrationKind kind)
    {
        RequireObject(alert, path);
        var status = OptionalString(alert, "status", path, 20) ?? groupStatus
            ?? throw new PayloadException($"{path}.status is required (firing or resolved).");
        var action = status switch
        {
            "firing" => SignalAction.Trigger,
            "resolved" => SignalAction.Resolve,
            _ => throw new PayloadException($"{path}.status must be \"firing\" or \"resolved\", not \"{Clip(status)}\"."),
        };
        var labels = StringMap(alert, "labels", path);
        if (labels.Count == 0) throw new PayloadException($"{path}.labels is required and must name the alert (e.g. alertname).");
        var annotations = StringMap(alert, "annotations", path);
        var startsAt = OptionalTime(alert, "startsAt", path);
        var endsAt = OptionalTime(alert, "endsAt", path);
        var link = OptionalString(alert, "generatorURL", path, Alert.MaxLinkLength)
            ?? (kind == IntegrationKind.Grafana ? OptionalString(alert, "panelURL", path, Alert.MaxLinkLength) ?? OptionalString(alert, "dashboardURL", path, Alert.MaxLinkLength) : null);
        var key = OptionalString(alert, "fingerprint", path, Alert.MaxKeyLength) ?? LabelsKey(labels);

        var name = labels.GetValueOrDefault("alertname") ?? labels.GetValueOrDefault("__alert_rule_title__") ?? "Alert";
        var summary = Pick(annotations, "summary") ?? Pick(annotations, "description") ?? name;
        summary = Limit(summary, Alert.MaxSummaryLength)!;
        var title = summary == name ? name : $"{name}: {summary}";
        return new AlertSignal(action, key, summary,
            AlertSeverities.Parse(labels.GetValueOrDefault("severity")) ?? AlertSeverity.Warning,
            Source: Limit(labels.GetValueOrDefault("instance"), Alert.MaxNameLength),
            Component: Limit(labels.GetValueOrDefault("job"), Alert.MaxNameLength),
            Service: Limit(labels.GetValueOrDefault("service"), Alert.MaxNameLength),
            Link: link, LabelsJson: ToJson(labels), DetailsJson: ToJson(annotations),
            StartsAt: startsAt, EndsAt: action == SignalAction.Resolve ? endsAt : null,
            Title: Limit(title, Incidents.Incident.MaxTitleLength)!, Description: Describe(annotations, labels, link));
    }

    private static string? Pick(IReadOnlyDictionary<string, string> map, string name) =>
        map.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    internal static string? Limit(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Describe(IReadOnlyDictionary<string, string> annotations, IReadOnlyDictionary<string, string> labels, string? link)
    {
        var text = new StringBuilder();
        if (Pick(annotations, "description") is { } description) text.AppendLine(description).AppendLine();
        text.AppendLine("Labels: " + string.Join(", ", labels.Select(l => $"{l.Key}={l.Value}")));
        if (Pick(annotations, "runbook_url") is { } runbook) text.AppendLine("Runbook: " + runbook);
        if (link is not null) text.AppendLine("Source: " + link);
        return Limit(text.ToString().Trim(), Incidents.Incident.MaxTextLength)!;
    }
}
