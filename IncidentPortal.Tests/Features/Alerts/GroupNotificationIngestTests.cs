using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IncidentPortal.Features.Alerts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Integrations;
using static IncidentPortal.Tests.Features.Alerts.AlertPayloads;

namespace IncidentPortal.Tests.Features.Alerts;

/// <summary>Alertmanager (webhook v4) and Grafana group notifications: firing and resolved alerts, replays, peers.</summary>
public sealed class GroupNotificationIngestTests(IngestPortal portal) : IClassFixture<IngestPortal>
{
    [Fact]
    public async Task A_group_with_firing_and_resolved_alerts_opens_triggers_and_resolves_each_by_fingerprint()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Alertmanager);
        using (var first = await integration.PostAsync("/api/ingest/alertmanager", Alertmanager(new AmAlert("HighLatency"), new AmAlert("DiskFull", Severity: "warning"))))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            var body = await first.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(2, body.GetProperty("incidents_opened").GetInt32());
        }
        using (var second = await integration.PostAsync("/api/ingest/alertmanager", Alertmanager(
                   new AmAlert("HighLatency", Status: "resolved", EndsAt: "2026-11-23T07:20:00Z"), new AmAlert("DiskFull", Severity: "warning"))))
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);

        var alerts = await portal.AlertsAsync(integration.Id);
        Assert.Equal(["fp-HighLatency", "fp-DiskFull"], alerts.Select(a => a.DedupKey));
        Assert.Equal((AlertStatus.Resolved, 2), (alerts[0].Status, alerts[0].OccurrenceCount));
        Assert.Equal(new DateTime(2026, 11, 23, 7, 20, 0, DateTimeKind.Utc), alerts[0].ResolvedAt);
        Assert.Equal((AlertStatus.Triggered, 2), (alerts[1].Status, alerts[1].OccurrenceCount));
        Assert.Equal(new DateTime(2026, 11, 23, 7, 0, 0, DateTimeKind.Utc), alerts[1].StartsAt);
        Assert.Contains("\"instance\":\"web-01:9100\"", alerts[1].LabelsJson);
        Assert.Contains("Latency above 2 s", alerts[1].DetailsJson);

        var incidents = await portal.IncidentsAsync(integration.Id);
        Assert.Equal(["HighLatency: HighLatency on web-01", "DiskFull: DiskFull on web-01"], incidents.Select(i => i.Title));
        Assert.Equal([Priority.P1, Priority.P3], incidents.Select(i => i.Priority));
        await IngestPortal.EventuallyAsync(async () => (await portal.IncidentsAsync(integration.Id))[0].Status == IncidentStatus.Resolved,
            "the recovered alert's incident is resolved");
        Assert.Equal(IncidentStatus.New, (await portal.IncidentsAsync(integration.Id))[1].Status);
    }

    [Fact]
    public async Task Replaying_a_payload_any_number_of_times_or_from_two_peers_opens_no_extra_incident()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Alertmanager);
        var firing = Alertmanager(new AmAlert("Replay1"), new AmAlert("Replay2"));
        var replies = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => integration.PostAsync("/api/ingest/alertmanager", firing)));
        Assert.All(replies, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));

        Assert.Equal(2, (await portal.AlertsAsync(integration.Id)).Count);
        Assert.Equal(2, (await portal.IncidentsAsync(integration.Id)).Count);
    }

    [Fact]
    public async Task A_peers_late_firing_copy_after_the_resolve_is_dropped_but_a_new_firing_opens_a_new_alert()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Alertmanager, s => s with { OnRecovery = RecoveryAction.NotifyOnly });
        var firing = Alertmanager(new AmAlert("Flappy"));
        await integration.PostAsync("/api/ingest/alertmanager", firing);
        await integration.PostAsync("/api/ingest/alertmanager", Alertmanager(new AmAlert("Flappy", Status: "resolved", EndsAt: "2026-11-23T07:05:00Z")));
        using (var late = await integration.PostAsync("/api/ingest/alertmanager", firing)) Assert.Equal(HttpStatusCode.Accepted, late.StatusCode);
        // A late resolved copy of the same firing changes nothing either.
        await integration.PostAsync("/api/ingest/alertmanager", Alertmanager(new AmAlert("Flappy", Status: "resolved", EndsAt: "2026-11-23T07:05:00Z")));

        var alert = Assert.Single(await portal.AlertsAsync(integration.Id));
        Assert.Equal(AlertStatus.Resolved, alert.Status);
        Assert.Single(await portal.IncidentsAsync(integration.Id));

        await integration.PostAsync("/api/ingest/alertmanager", Alertmanager(new AmAlert("Flappy", StartsAt: "2026-11-23T08:00:00Z")));
        Assert.Equal([AlertStatus.Resolved, AlertStatus.Triggered], (await portal.AlertsAsync(integration.Id)).Select(a => a.Status));
    }

    [Fact]
    public async Task A_resolved_copy_of_an_older_firing_does_not_resolve_the_current_one()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Alertmanager);
        await integration.PostAsync("/api/ingest/alertmanager", Alertmanager(new AmAlert("Again", StartsAt: "2026-11-23T09:00:00Z")));
        await integration.PostAsync("/api/ingest/alertmanager", Alertmanager(new AmAlert("Again", Status: "resolved", StartsAt: "2026-11-23T07:00:00Z")));
        Assert.Equal(AlertStatus.Triggered, Assert.Single(await portal.AlertsAsync(integration.Id)).Status);
    }

    [Fact]
    public async Task Alerts_with_the_same_service_label_in_one_group_share_one_incident()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Alertmanager);
        await integration.PostAsync("/api/ingest/alertmanager", Alertmanager(
            new AmAlert("ErrorsHigh", Service: "checkout"), new AmAlert("LatencyHigh", Service: "checkout"), new AmAlert("QueueStuck", Service: "mail")));
        var alerts = await portal.AlertsAsync(integration.Id);
        Assert.Equal(3, alerts.Count);
        Assert.Equal(alerts[0].IncidentId, alerts[1].IncidentId);
        Assert.NotEqual(alerts[0].IncidentId, alerts[2].IncidentId);
    }

    [Fact]
    public async Task Grafana_unified_alerting_payloads_open_and_resolve_alerts()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Grafana);
        using (var firing = await integration.PostAsync("/api/ingest/grafana", Grafana("CpuHigh")))
            Assert.Equal(HttpStatusCode.Accepted, firing.StatusCode);
        var alert = Assert.Single(await portal.AlertsAsync(integration.Id));
        Assert.Equal(("gf-1", AlertSeverity.Warning, "CPU above 90%"), (alert.DedupKey, alert.Severity, alert.Summary));
        Assert.Equal("http://grafana:3000/alerting/grafana/abc/view", alert.Link);

        await integration.PostAsync("/api/ingest/grafana", Grafana("CpuHigh", "resolved"));
        Assert.Equal(AlertStatus.Resolved, Assert.Single(await portal.AlertsAsync(integration.Id)).Status);
    }
}
