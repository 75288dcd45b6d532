using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IncidentPortal.Features.Integrations;
using Microsoft.Extensions.DependencyInjection;
using static IncidentPortal.Tests.Features.Alerts.AlertPayloads;

namespace IncidentPortal.Tests.Features.Alerts;

/// <summary>What ingest refuses, and that a refused request stores nothing.</summary>
public sealed class IngestRefusalTests(IngestPortal portal) : IClassFixture<IngestPortal>
{
    public static TheoryData<string, string, string> Malformed => new()
    {
        { "/api/ingest/events", "{not json", "not valid JSON" },
        { "/api/ingest/events", "[1,2]", "must be a JSON object" },
        { "/api/ingest/events", """{"event_action":"explode","dedup_key":"k"}""", "event_action must be trigger, acknowledge or resolve" },
        { "/api/ingest/events", """{"event_action":"trigger"}""", "payload is required" },
        { "/api/ingest/events", """{"event_action":"trigger","payload":{"source":"db","severity":"critical"}}""", "payload.summary is required" },
        { "/api/ingest/events", """{"event_action":"trigger","payload":{"summary":"s","source":"db","severity":"bad"}}""", "payload.severity must be critical, error, warning or info" },
        { "/api/ingest/events", """{"event_action":"trigger","dedup_key":"KEY","payload":{"summary":"s","source":"db","severity":"info"}}""".Replace("KEY", new string('k', 256)), "dedup_key can be at most 255 characters" },
        { "/api/ingest/events", """{"event_action":"resolve"}""", "dedup_key is required to resolve" },
        { "/api/ingest/events", """{"event_action":"trigger","dedup_key":7,"payload":{"summary":"s","source":"db","severity":"info"}}""", "dedup_key must be a string" },
        { "/api/ingest/alertmanager", """{"version":"4","status":"firing"}""", "alerts is required" },
        { "/api/ingest/alertmanager", """{"version":"3","alerts":[]}""", "version \"3\" is not supported" },
        { "/api/ingest/alertmanager", """{"version":"4","alerts":[{"status":"firing","labels":{"alertname":"A"}},{"status":"burning","labels":{"alertname":"B"}}]}""", "alerts[1].status must be \"firing\" or \"resolved\"" },
        { "/api/ingest/alertmanager", """{"version":"4","alerts":[{"status":"firing","labels":{"alertname":5}}]}""", "alerts[0].labels.alertname must be a string" },
        { "/api/ingest/alertmanager", """{"version":"4","alerts":[{"status":"firing","labels":{"alertname":"A"},"startsAt":"yesterday"}]}""", "alerts[0].startsAt must be an RFC 3339 time" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Malformed_input_gets_400_with_a_precise_problem_and_nothing_is_stored(string path, string body, string expected)
    {
        var integration = await portal.CreateIntegrationAsync(path.EndsWith("events") ? IntegrationKind.Events : IntegrationKind.Alertmanager);
        using var response = await integration.PostAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
        Assert.Empty(await portal.AlertsAsync(integration.Id));
    }

    [Fact]
    public async Task A_group_with_one_bad_alert_stores_none_of_its_alerts()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Alertmanager);
        var good = Alertmanager(new AmAlert("Fine"));
        var bad = good.Replace("\"status\":\"firing\",\"labels\"", "\"status\":\"unknown\",\"labels\"");
        using var response = await integration.PostAsync("/api/ingest/alertmanager", bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await portal.AlertsAsync(integration.Id));
    }

    [Fact]
    public async Task Bodies_over_512_KB_get_413_and_nothing_is_stored_while_just_under_is_accepted()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Events);
        string Event(int size) => JsonSerializer.Serialize(new
        {
            event_action = "trigger", dedup_key = "big",
            payload = new { summary = "big", source = "s", severity = "info", custom_details = new { blob = new string('x', size) } },
        });
        using (var tooLarge = await integration.PostAsync("/api/ingest/events", Event(520 * 1024)))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
            Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);
        }
        // Without Content-Length (chunked), the limit is enforced while reading.
        var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/ingest/events") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Event(600 * 1024)))) };
        chunked.Headers.Authorization = new("Bearer", integration.Key);
        chunked.Headers.TransferEncodingChunked = true;
        using (var response = await portal.CreateClient().SendAsync(chunked)) Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await portal.AlertsAsync(integration.Id));

        using (var fits = await integration.PostAsync("/api/ingest/events", Event(500 * 1024))) Assert.Equal(HttpStatusCode.Accepted, fits.StatusCode);
        Assert.Single(await portal.AlertsAsync(integration.Id));
    }

    [Fact]
    public async Task Unknown_wrong_and_missing_keys_get_401_problems()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Events);
        var valid = """{"event_action":"trigger","payload":{"summary":"s","source":"db","severity":"info"}}""";
        var client = portal.CreateClient();
        foreach (var request in new[]
                 {
                     Request(valid, bearer: "ipk_wrong"),
                     Request(valid, apiKey: "ipk_wrong"),
                     Request(valid.Replace("{\"event_action\"", "{\"routing_key\":\"ipk_wrong\",\"event_action\"")),
                     Request(valid),
                     Request("{bad json"),
                 })
        {
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
        Assert.Empty(await portal.AlertsAsync(integration.Id));

        // The key itself works in each place a tool may put it.
        using (var bearer = await client.SendAsync(Request(valid, bearer: integration.Key))) Assert.Equal(HttpStatusCode.Accepted, bearer.StatusCode);
        using (var apiKey = await client.SendAsync(Request(valid, apiKey: integration.Key))) Assert.Equal(HttpStatusCode.Accepted, apiKey.StatusCode);
        Assert.Equal(2, (await portal.AlertsAsync(integration.Id)).Count);
    }

    [Fact]
    public async Task A_disabled_integration_and_a_rotated_out_key_get_401_while_the_new_key_works()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Events);
        var admin = portal.Services.GetRequiredService<IntegrationAdminService>();
        Assert.Equal(HttpStatusCode.Accepted, (await integration.EventAsync("trigger", "a")).Status);

        var rotated = await admin.RotateKeyAsync(IngestPortal.Admin, integration.Id);
        Assert.True(rotated.Result.Succeeded);
        Assert.StartsWith(IssuedKey.Marker, rotated.Key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await integration.EventAsync("trigger", "b")).Status);
        var renewed = integration with { Key = rotated.Key! };
        Assert.Equal(HttpStatusCode.Accepted, (await renewed.EventAsync("trigger", "c")).Status);

        Assert.True((await admin.SetEnabledAsync(IngestPortal.Admin, integration.Id, false)).Succeeded);
        Assert.Equal(HttpStatusCode.Unauthorized, (await renewed.EventAsync("trigger", "d")).Status);
        Assert.True((await admin.SetEnabledAsync(IngestPortal.Admin, integration.Id, true)).Succeeded);
        Assert.Equal(HttpStatusCode.Accepted, (await renewed.EventAsync("trigger", "e")).Status);
        Assert.Equal(["a", "c", "e"], (await portal.AlertsAsync(integration.Id)).Select(a => a.DedupKey));
    }

    [Fact]
    public async Task Only_the_hash_and_a_short_prefix_of_the_key_are_stored()
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Events);
        var stored = await portal.WithDbAsync(db => Task.FromResult(db.AlertIntegrations.Single(i => i.Id == integration.Id)));
        Assert.Equal(IssuedKey.HashOf(integration.Key), stored.KeyHash);
        Assert.True(integration.Key.StartsWith(stored.KeyPrefix) && stored.KeyPrefix.Length < 12);
        Assert.True(integration.Key.Length >= 40);
    }

    [Fact]
    public async Task Above_the_per_key_rate_limit_requests_get_429_with_retry_after_and_other_keys_are_unaffected()
    {
        var limited = await portal.CreateIntegrationAsync(IntegrationKind.Events, s => s with { RateLimitPerMinute = 3 });
        var other = await portal.CreateIntegrationAsync(IntegrationKind.Events);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Accepted, (await limited.EventAsync("trigger", $"r{i}")).Status);

        using var refused = await limited.PostAsync("/api/ingest/events",
            """{"event_action":"trigger","dedup_key":"r3","payload":{"summary":"s","source":"db","severity":"info"}}""");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(20), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(3, (await portal.AlertsAsync(limited.Id)).Count);
        Assert.Equal(HttpStatusCode.Accepted, (await other.EventAsync("trigger", "free")).Status);
    }

    private static HttpRequestMessage Request(string body, string? bearer = null, string? apiKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (bearer is not null) request.Headers.Authorization = new("Bearer", bearer);
        if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
        return request;
    }
}
