namespace IncidentPortal.Features.Integrations;

/// <summary>Where a tool sends alerts, and a configuration example to paste into it.</summary>
public static class IntegrationSnippets
{
    public static string Path(IntegrationKind kind) => kind switch
    {
        IntegrationKind.Alertmanager => "/api/ingest/alertmanager",
        IntegrationKind.Grafana => "/api/ingest/grafana",
        _ => "/api/ingest/events",
    };

    public static string Label(IntegrationKind kind) => kind switch
    {
        IntegrationKind.Alertmanager => "Prometheus Alertmanager",
        IntegrationKind.Grafana => "Grafana alerting",
        _ => "Events API (PagerDuty v2)",
    };

    public static string Example(IntegrationKind kind, string url, string key) => kind switch
    {
        IntegrationKind.Alertmanager => $"""
            # alertmanager.yml
            receivers:
              - name: incident-portal
                webhook_configs:
                  - url: {url}
                    send_resolved: true
                    max_alerts: 200
                    http_config:
                      authorization:
                        credentials: {key}
            route:
              receiver: incident-portal
            """,
        IntegrationKind.Grafana => $"""
            Grafana → Alerting → Contact points → New contact point
              Integration: Webhook
              URL: {url}
              HTTP method: POST
              Authorization header - scheme: Bearer
              Authorization header - credentials: {key}
            """,
        _ => $$$"""
            curl -X POST {{{url}}} \
              -H 'Content-Type: application/json' \
              -d '{"routing_key": "{{{key}}}", "event_action": "trigger", "dedup_key": "db-01/disk",
                   "payload": {"summary": "Disk almost full on db-01", "source": "db-01", "severity": "critical"}}'
            """,
    };
}
