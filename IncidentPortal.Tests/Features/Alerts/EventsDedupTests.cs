using System.Net;
using IncidentPortal.Features.Alerts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Integrations;

namespace IncidentPortal.Tests.Features.Alerts;

/// <summary>PagerDuty Events v2 semantics, case by case, through HTTP against the real app and database.</summary>
public sealed class EventsDedupTests(IngestPortal portal) : IClassFixture<IngestPortal>
{
    [Fact]
    public async Task A_trigger_opens_one_alert_and_incident_and_repeats_of_the_key_only_count()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Events);
        for (var i = 0; i < 3; i++)
        {
            var (status, body) = await integration.EventAsync("trigger", "disk-db-01", summary: $"Disk full ({i})");
            Assert.Equal(HttpStatusCode.Accepted, status);
            Assert.Equal("success", body.GetProperty("status").GetString());
            Assert.Equal("disk-db-01", body.GetProperty("dedup_key").GetString());
        }

        var alert = Assert.Single(await portal.AlertsAsync(integration.Id));
        Assert.Equal((AlertStatus.Triggered, 3, "Disk full (2)"), (alert.Status, alert.OccurrenceCount, alert.Summary));
        Assert.Equal([OccurrenceAction.Trigger, OccurrenceAction.Repeat, OccurrenceAction.Repeat], alert.Occurrences.OrderBy(o => o.Sequence).Select(o => o.Action));
        var incident = Assert.Single(await portal.IncidentsAsync(integration.Id));
        Assert.Equal(IncidentSource.Monitoring, incident.Source);
        Assert.Equal(IncidentStatus.New, incident.Status);
        Assert.Equal(await portal.TeamIdAsync(), incident.AssignmentGroupId);
        Assert.Equal(Priority.P1, incident.Priority); // critical → P1 by the default mapping
        Assert.Equal("Disk full (0)", incident.Title);
        Assert.Equal(MonitoringAccount.UserId, incident.ReporterId);
    }

    [Fact]
    public async Task Severity_maps_to_the_integrations_priority_even_where_no_matrix_cell_gives_it()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Events, s => s with { Warning = Priority.P5, Info = Priority.P2 });
        await integration.EventAsync("trigger", "w", severity: "warning");
        await integration.EventAsync("trigger", "i", severity: "info");
        var incidents = await portal.IncidentsAsync(integration.Id);
        Assert.Equal([Priority.P5, Priority.P2], incidents.Select(i => i.Priority));
    }

    [Fact]
    public async Task After_a_resolve_the_same_key_opens_a_new_alert_and_incident()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Events, s => s with { OnRecovery = RecoveryAction.NotifyOnly });
        await integration.EventAsync("trigger", "k");
        Assert.Equal(HttpStatusCode.Accepted, (await integration.EventAsync("resolve", "k")).Status);
        await integration.EventAsync("trigger", "k");

        var alerts = await portal.AlertsAsync(integration.Id);
        Assert.Equal([AlertStatus.Resolved, AlertStatus.Triggered], alerts.Select(a => a.Status));
        Assert.NotNull(alerts[0].ResolvedAt);
        Assert.Equal(2, (await portal.IncidentsAsync(integration.Id)).Count);
    }

    [Fact]
    public async Task Acknowledge_and_resolve_for_an_unknown_key_are_accepted_and_dropped()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Events);
        foreach (var action in new[] { "acknowledge", "resolve" })
        {
            var (status, body) = await integration.EventAsync(action, "never-triggered");
            Assert.Equal(HttpStatusCode.Accepted, status);
            Assert.Equal("never-triggered", body.GetProperty("dedup_key").GetString());
        }
        Assert.Empty(await portal.AlertsAsync(integration.Id));
        Assert.Empty(await portal.IncidentsAsync(integration.Id));
    }

    [Fact]
    public async Task A_trigger_without_a_key_always_creates_a_new_alert_and_returns_its_generated_key()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Events);
        var first = (await integration.EventAsync("trigger")).Body.GetProperty("dedup_key").GetString();
        var second = (await integration.EventAsync("trigger")).Body.GetProperty("dedup_key").GetString();

        Assert.NotEqual(first, second);
        var alerts = await portal.AlertsAsync(integration.Id);
        Assert.Equal([first, second], alerts.Select(a => a.DedupKey));
        // The generated key works like any other: it resolves that alert.
        await integration.EventAsync("resolve", first);
        Assert.Equal([AlertStatus.Resolved, AlertStatus.Triggered], (await portal.AlertsAsync(integration.Id)).Select(a => a.Status));
    }

    [Fact]
    public async Task Acknowledge_marks_the_open_alert_and_notes_it_on_the_incident_and_a_later_trigger_keeps_it_acknowledged()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Events);
        await integration.EventAsync("trigger", "ack-me");
        await integration.EventAsync("acknowledge", "ack-me");
        await integration.EventAsync("trigger", "ack-me");

        var alert = Assert.Single(await portal.AlertsAsync(integration.Id));
        Assert.Equal((AlertStatus.Acknowledged, 3), (alert.Status, alert.OccurrenceCount));
        Assert.NotNull(alert.AcknowledgedAt);
        await IngestPortal.EventuallyAsync(async () => (await portal.IncidentsAsync(integration.Id)).Single().Activities
            .Any(a => a.Kind == ActivityKind.Event && a.Text!.StartsWith("Alert acknowledged at the source")), "the acknowledgement is on the timeline");
    }

    [Fact]
    public async Task Resolving_every_alert_resolves_the_incident_as_the_system_with_a_note()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Events);
        await integration.EventAsync("trigger", "a", group: "checkout");
        await integration.EventAsync("trigger", "b", group: "checkout"); // correlated: same service within 10 minutes
        var incident = Assert.Single(await portal.IncidentsAsync(integration.Id));

        await integration.EventAsync("resolve", "a");
        await Task.Delay(1500); // the outbox has had time to act; one alert is still firing, so nothing may change
        Assert.Equal(IncidentStatus.New, (await portal.IncidentsAsync(integration.Id)).Single().Status);

        await integration.EventAsync("resolve", "b");
        await IngestPortal.EventuallyAsync(async () => (await portal.IncidentsAsync(integration.Id)).Single().Status == IncidentStatus.Resolved,
            "the incident is resolved");
        var resolved = (await portal.IncidentsAsync(integration.Id)).Single();
        Assert.Equal(ResolutionCode.Fixed, resolved.ResolutionCode);
        Assert.StartsWith("Resolved automatically: All 2 alerts", resolved.ResolutionNotes);
        Assert.All(resolved.Activities.Where(a => a.Field == "Status"), a => Assert.Null(a.ActorId));
        Assert.Equal(incident.Id, resolved.Id);
    }

    [Fact]
    public async Task With_notify_only_recovery_the_incident_stays_open_and_the_timeline_says_the_alerts_recovered()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Events, s => s with { OnRecovery = RecoveryAction.NotifyOnly });
        await integration.EventAsync("trigger", "n");
        await integration.EventAsync("resolve", "n");
        await IngestPortal.EventuallyAsync(async () => (await portal.IncidentsAsync(integration.Id)).Single().Activities
            .Any(a => a.Kind == ActivityKind.Event && a.Text!.Contains("The alert on this incident has recovered at the source.")), "the recovery is on the timeline");
        Assert.Equal(IncidentStatus.New, (await portal.IncidentsAsync(integration.Id)).Single().Status);
    }

    [Fact]
    public async Task Correlation_attaches_a_new_alert_of_the_same_service_to_the_open_incident_and_not_other_services()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Events);
        await integration.EventAsync("trigger", "x1", group: "payments");
        await integration.EventAsync("trigger", "x2", group: "payments");
        await integration.EventAsync("trigger", "y1", group: "search");

        var alerts = await portal.AlertsAsync(integration.Id);
        Assert.Equal(alerts[0].IncidentId, alerts[1].IncidentId);
        Assert.NotEqual(alerts[0].IncidentId, alerts[2].IncidentId);
        Assert.Equal(2, (await portal.IncidentsAsync(integration.Id)).Count);
        await IngestPortal.EventuallyAsync(async () => (await portal.IncidentsAsync(integration.Id))[0].Activities
            .Any(a => a.Kind == ActivityKind.Event && a.Text!.Contains("joined this incident")), "the join is on the timeline");
    }

    [Fact]
    public async Task Without_correlation_each_new_key_opens_its_own_incident()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Events, s => s with { CorrelationMinutes = 0 });
        await integration.EventAsync("trigger", "p1", group: "payments");
        await integration.EventAsync("trigger", "p2", group: "payments");
        Assert.Equal(2, (await portal.IncidentsAsync(integration.Id)).Count);
    }

    [Fact]
    public async Task Replaying_the_same_events_concurrently_opens_one_alert_and_one_incident()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Events);
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => integration.EventAsync("trigger", "storm")));
        Assert.All(results, r => Assert.Equal(HttpStatusCode.Accepted, r.Status));
        var alert = Assert.Single(await portal.AlertsAsync(integration.Id));
        Assert.Equal(40, alert.OccurrenceCount);
        Assert.Equal(Alert.KeptOccurrences, alert.Occurrences.Count);
        Assert.Equal(40, alert.Occurrences.Max(o => o.Sequence));
        Assert.Single(await portal.IncidentsAsync(integration.Id));
    }
}
