using System.Text.Json;

namespace IncidentPortal.Tests.Features.Alerts;

/// <summary>Payloads as Prometheus Alertmanager (webhook version 4) and Grafana unified alerting send them.</summary>
public static class AlertPayloads
{
    public sealed record AmAlert(string Name, string Status = "firing", string Fingerprint = "", string StartsAt = "2026-11-23T07:00:00Z",
        string? EndsAt = null, string Severity = "critical", string? Service = null);

    public static string Alertmanager(params AmAlert[] alerts) => JsonSerializer.Serialize(new
    {
        version = "4",
        groupKey = "{}:{alertname=\"group\"}",
        truncatedAlerts = 0,
        status = alerts.Any(a => a.Status == "firing") ? "firing" : "resolved",
        receiver = "portal",
        groupLabels = new { },
        commonLabels = new { },
        commonAnnotations = new { },
        externalURL = "http://alertmanager:9093",
        alerts = alerts.Select(a => new
        {
            status = a.Status,
            labels = Labels(a),
            annotations = new Dictionary<string, string> { ["summary"] = $"{a.Name} on web-01", ["description"] = "Latency above 2 s for 5 minutes" },
            startsAt = a.StartsAt,
            endsAt = a.EndsAt ?? "0001-01-01T00:00:00Z",
            generatorURL = "http://prometheus:9090/graph?g0.expr=up",
            fingerprint = a.Fingerprint.Length > 0 ? a.Fingerprint : "fp-" + a.Name,
        }),
    });

    public static string Grafana(string name, string status = "firing", string fingerprint = "gf-1") => JsonSerializer.Serialize(new
    {
        receiver = "portal",
        status,
        orgId = 1,
        alerts = new[]
        {
            new
            {
                status,
                labels = new Dictionary<string, string> { ["alertname"] = name, ["grafana_folder"] = "Infra", ["severity"] = "warning" },
                annotations = new Dictionary<string, string> { ["summary"] = "CPU above 90%" },
                startsAt = "2026-11-23T07:00:00Z",
                endsAt = status == "resolved" ? "2026-11-23T07:10:00Z" : "0001-01-01T00:00:00Z",
                generatorURL = "http://grafana:3000/alerting/grafana/abc/view",
                fingerprint,
                silenceURL = "http://grafana:3000/alerting/silence/new",
                dashboardURL = "http://grafana:3000/d/abc",
                panelURL = "http://grafana:3000/d/abc?viewPanel=1",
                values = new Dictionary<string, double> { ["B"] = 93.5 },
                valueString = "[ var='B' labels={} value=93.5 ]",
            },
        },
        groupLabels = new { alertname = name },
        commonLabels = new { alertname = name },
        commonAnnotations = new { },
        externalURL = "http://grafana:3000/",
        version = "1",
        groupKey = "{}:{alertname=\"" + name + "\"}",
        truncatedAlerts = 0,
        title = "[FIRING:1] " + name,
        state = "alerting",
        message = "CPU above 90%",
    });

    private static Dictionary<string, string> Labels(AmAlert a)
    {
        var labels = new Dictionary<string, string> { ["alertname"] = a.Name, ["instance"] = "web-01:9100", ["job"] = "node", ["severity"] = a.Severity };
        if (a.Service is not null) labels["service"] = a.Service;
        return labels;
    }
}
