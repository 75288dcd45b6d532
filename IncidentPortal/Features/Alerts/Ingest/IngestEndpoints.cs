using IncidentPortal.Features.Integrations;

namespace IncidentPortal.Features.Alerts.Ingest;

/// <summary>
/// Where monitoring tools send alerts. Every request is authenticated by its integration key (Authorization: Bearer,
/// X-Api-Key, or Events v2's routing_key), limited to <see cref="MaxBodyBytes"/> and rate-limited per key; 202 is
/// answered only once the alerts are committed. Errors are problem details.
/// </summary>
public static class IngestEndpoints
{
    public const int MaxBodyBytes = 512 * 1024;

    public static WebApplication MapAlertIngest(this WebApplication app)
    {
        var ingest = app.MapGroup("/api/ingest").AllowAnonymous().DisableAntiforgery().WithTags("Alert ingestion");
        ingest.MapPost("/alertmanager", (HttpContext http, IngestPipeline pipeline, CancellationToken ct) =>
            pipeline.GroupAsync(http, IntegrationKind.Alertmanager, ct))
            .WithSummary("Receive a Prometheus Alertmanager webhook (version 4; integration key as Bearer token)")
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(400).ProducesProblem(401).ProducesProblem(413).ProducesProblem(429);
        ingest.MapPost("/grafana", (HttpContext http, IngestPipeline pipeline, CancellationToken ct) =>
            pipeline.GroupAsync(http, IntegrationKind.Grafana, ct))
            .WithSummary("Receive a Grafana unified-alerting webhook (integration key as Bearer token)")
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(400).ProducesProblem(401).ProducesProblem(413).ProducesProblem(429);
        ingest.MapPost("/events", (HttpContext http, IngestPipeline pipeline, CancellationToken ct) =>
            pipeline.EventAsync(http, ct))
            .WithSummary("Send one event with PagerDuty Events v2 semantics (trigger, acknowledge, resolve by dedup_key)")
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(400).ProducesProblem(401).ProducesProblem(413).ProducesProblem(429);
        return app;
    }
}
