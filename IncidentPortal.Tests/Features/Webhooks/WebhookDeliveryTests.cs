using System.Text.Json;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Webhooks;
using IncidentPortal.Infrastructure.Outbox;
using IncidentPortal.Tests.Features.Webhooks.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.Webhooks;

/// <summary>
/// Incident changes delivered through the real outbox and sender to a real HTTP receiver: signatures, filters, retries,
/// giving up, and what payloads never contain.
/// </summary>
public sealed class WebhookDeliveryTests(WebhookTestHost host) : IClassFixture<WebhookTestHost>
{
    [Fact]
    public async Task A_new_incident_arrives_as_signed_json_with_the_documented_headers_and_shape()
    {
        var (id, secret) = await host.RegisterAsync("/created", WebhookEvents.Created);
        try
        {
            var incident = await host.ReportAsync("VPN", Impact.Medium, Urgency.High, "VPN gateway unreachable");
            var received = await host.Receiver.NextAsync("/created");

            Assert.Equal("incident.created", received.Header(WebhookRequest.EventHeader));
            Assert.True(WebhookSignature.Verify(secret, received.Header(WebhookRequest.TimestampHeader), received.Body,
                received.Header(WebhookRequest.SignatureHeader)), "the signature verifies with the secret shown at creation");
            Assert.StartsWith("application/json", received.Header("Content-Type"));
            var timestamp = long.Parse(received.Header(WebhookRequest.TimestampHeader));
            Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp, -5, 60);

            using var json = JsonDocument.Parse(received.Body);
            var root = json.RootElement;
            Assert.Equal(received.Header(WebhookRequest.DeliveryHeader), root.GetProperty("id").GetString());
            Assert.Equal("incident.created", root.GetProperty("event").GetString());
            Assert.Equal("Riley Reporter", root.GetProperty("actor").GetProperty("name").GetString());
            var body = root.GetProperty("incident");
            Assert.Equal(incident.Id, body.GetProperty("id").GetInt32());
            Assert.Equal(incident.Reference, body.GetProperty("reference").GetString());
            Assert.Equal("VPN gateway unreachable", body.GetProperty("title").GetString());
            Assert.Equal("New", body.GetProperty("status").GetString());
            Assert.Equal(incident.Priority.ToString(), body.GetProperty("priority").GetString());
            Assert.Equal("Network", body.GetProperty("team").GetString());
            Assert.Equal("VPN", body.GetProperty("service").GetString());
            Assert.Equal($"https://portal.example.test/incidents/{incident.Id}", body.GetProperty("url").GetString());
            Assert.Equal("created", root.GetProperty("changes")[0].GetProperty("type").GetString());

            var log = Assert.Single(await host.AttemptsAsync(id, 1));
            Assert.Equal((200, WebhookAttemptOutcome.Delivered, 1), (log.StatusCode, log.Outcome, log.Attempt));
            Assert.Equal(received.Body, log.RequestBody);
        }
        finally { await host.UnregisterAsync(id); }
    }

    [Fact]
    public async Task Endpoints_receive_only_incidents_of_their_teams_and_priorities()
    {
        var network = await host.TeamIdAsync("Network");
        var (networkHook, _) = await host.RegisterAsync("/network", WebhookEvents.Created, teams: [network]);
        var (p1Hook, _) = await host.RegisterAsync("/p1", WebhookEvents.Created, priorities: [Priority.P1]);
        try
        {
            var vpn = await host.ReportAsync("VPN", Impact.Low, Urgency.Low, "VPN slow for one user");          // Network, low priority
            var shop = await host.ReportAsync("Web Shop", Impact.High, Urgency.High, "Web shop down for everyone"); // Applications, P1
            Assert.NotEqual(Priority.P1, vpn.Priority);
            Assert.Equal(Priority.P1, shop.Priority);

            Assert.Contains(vpn.Reference, (await host.Receiver.NextAsync("/network")).Body);
            Assert.Contains(shop.Reference, (await host.Receiver.NextAsync("/p1")).Body);
            await Task.Delay(1000); // anything else queued would have gone out by now
            Assert.Single(host.Receiver.At("/network"));
            Assert.Single(host.Receiver.At("/p1"));
        }
        finally
        {
            await host.UnregisterAsync(networkHook);
            await host.UnregisterAsync(p1Hook);
        }
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_the_same_delivery_id_and_every_attempt_is_logged()
    {
        var (id, secret) = await host.RegisterAsync("/flaky", WebhookEvents.Created);
        host.Receiver.Answer("/flaky", 500);
        try
        {
            await host.ReportAsync("Email", Impact.Low, Urgency.Medium, "Mail delayed");
            var first = await host.Receiver.NextAsync("/flaky");
            var second = await host.Receiver.NextAsync("/flaky");

            Assert.Equal(first.Header(WebhookRequest.DeliveryHeader), second.Header(WebhookRequest.DeliveryHeader));
            Assert.Equal(first.Body, second.Body);
            Assert.True(WebhookSignature.Verify(secret, second.Header(WebhookRequest.TimestampHeader), second.Body,
                second.Header(WebhookRequest.SignatureHeader)));
            var log = await host.AttemptsAsync(id, 2);
            Assert.Equal(2, log.Count);
            Assert.Equal((1, 500, WebhookAttemptOutcome.WillRetry), (log[0].Attempt, log[0].StatusCode, log[0].Outcome));
            Assert.Contains("nope 500", log[0].ResponseSnippet);
            Assert.Equal((2, 200, WebhookAttemptOutcome.Delivered), (log[1].Attempt, log[1].StatusCode, log[1].Outcome));
        }
        finally { await host.UnregisterAsync(id); }
    }

    [Theory]
    [InlineData(410)]
    [InlineData(400)]
    [InlineData(302)]
    public async Task A_refusal_or_redirect_gives_up_at_once(int status)
    {
        var path = $"/refuses-{status}";
        var (id, _) = await host.RegisterAsync(path, WebhookEvents.Created);
        host.Receiver.Answer(path, status, status, status);
        try
        {
            await host.ReportAsync("Email", Impact.Low, Urgency.Medium, $"Refused {status}");
            await host.Receiver.NextAsync(path);
            await Task.Delay(1500); // several retry periods

            Assert.Single(host.Receiver.At(path));
            Assert.Empty(host.Receiver.At("/moved-here"));
            var log = Assert.Single(await host.AttemptsAsync(id, 1));
            Assert.Equal((status, WebhookAttemptOutcome.GaveUp), (log.StatusCode, log.Outcome));
            await using var db = await host.DbAsync();
            var message = await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == WebhookDispatch.Kind)
                .OrderByDescending(m => m.Id).FirstAsync(m => m.Payload.Contains($"\"endpointId\":{id},"));
            Assert.Equal(OutboxState.GaveUp, message.State);
        }
        finally { await host.UnregisterAsync(id); }
    }

    [Fact]
    public async Task A_receiver_that_times_out_is_logged_and_retried_until_the_outbox_gives_up()
    {
        var (id, _) = await host.RegisterAsync("/slow", WebhookEvents.Created);
        host.Receiver.Delay("/slow", TimeSpan.FromSeconds(6));
        try
        {
            await host.ReportAsync("Email", Impact.Low, Urgency.Medium, "Slow receiver");
            var log = await host.AttemptsAsync(id, 3);
            Assert.Equal(3, log.Count);
            Assert.All(log, a => Assert.Equal((int?)null, a.StatusCode));
            Assert.All(log, a => Assert.Contains("Timed out", a.Error));
            Assert.Equal([WebhookAttemptOutcome.WillRetry, WebhookAttemptOutcome.WillRetry, WebhookAttemptOutcome.GaveUp],
                log.Select(a => a.Outcome).ToArray());
        }
        finally { await host.UnregisterAsync(id); }
    }

    [Fact]
    public async Task Work_notes_are_never_delivered_and_public_comments_are()
    {
        var (id, _) = await host.RegisterAsync("/comments", WebhookEvents.Updated | WebhookEvents.Commented | WebhookEvents.Assigned);
        try
        {
            var incident = await host.ReportAsync("Email", Impact.Low, Urgency.Medium, "Shared mailbox missing");
            var agent = await host.AgentAsync();
            await host.Incidents.ChangeAsync(agent, incident.Id, null, new AddComment("INTERNAL-ONLY the admin password is hunter2", IsPublic: false));
            await host.Incidents.ChangeAsync(agent, incident.Id, null, new AddComment("We are restoring the mailbox", IsPublic: true));

            var received = await host.Receiver.NextAsync("/comments");
            Assert.Equal("incident.commented", received.Header(WebhookRequest.EventHeader));
            Assert.Contains("We are restoring the mailbox", received.Body);
            await Task.Delay(1000);
            Assert.Single(host.Receiver.At("/comments"));
            Assert.DoesNotContain(host.Receiver.All, r => r.Body.Contains("INTERNAL-ONLY"));
            await using var db = await host.DbAsync();
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.Payload.Contains("INTERNAL-ONLY")));
        }
        finally { await host.UnregisterAsync(id); }
    }

    [Fact]
    public async Task Resolving_sends_resolved_to_subscribers_and_updated_to_the_rest()
    {
        var (specific, _) = await host.RegisterAsync("/resolved", WebhookEvents.Resolved);
        var (catchAll, _) = await host.RegisterAsync("/updated", WebhookEvents.Updated);
        try
        {
            var incident = await host.ReportAsync("Email", Impact.Low, Urgency.Medium, "Calendar not syncing");
            var agent = await host.AgentAsync();
            await host.Incidents.ChangeAsync(agent, incident.Id, null, new AssignIncident(incident.AssignmentGroupId!.Value, null));
            await host.Incidents.ChangeAsync(agent, incident.Id, null, new ResolveIncident(ResolutionCode.Fixed, "Re-synced the calendar", null));

            var resolved = await host.Receiver.NextAsync("/resolved");
            var assignedUpdate = await host.Receiver.NextAsync("/updated");
            var resolvedUpdate = await host.Receiver.NextAsync("/updated");
            Assert.Single(host.Receiver.At("/resolved"));
            Assert.Equal("incident.resolved", resolved.Header(WebhookRequest.EventHeader));
            Assert.Equal("incident.updated", assignedUpdate.Header(WebhookRequest.EventHeader));
            Assert.Equal("incident.updated", resolvedUpdate.Header(WebhookRequest.EventHeader));
            Assert.Contains("\"status\":\"Assigned\"", assignedUpdate.Body);
            Assert.Contains("\"status\":\"Resolved\"", resolvedUpdate.Body);
            using var json = JsonDocument.Parse(resolved.Body);
            Assert.Equal("Resolved", json.RootElement.GetProperty("incident").GetProperty("status").GetString());
            Assert.Contains(json.RootElement.GetProperty("changes").EnumerateArray(), c => c.GetProperty("to").GetString() == "Resolved");
        }
        finally
        {
            await host.UnregisterAsync(specific);
            await host.UnregisterAsync(catchAll);
        }
    }
}
