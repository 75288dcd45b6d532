using System.Net;
using System.Text;
using System.Text.Json;
using IncidentPortal.Tests.Features.Api;

namespace IncidentPortal.Tests.Hardening;

/// <summary>
/// The classes of malformed request that once answered 500 (issue 20): each now gets a 4xx with problem details
/// and stores nothing.
/// </summary>
public sealed class BadInputTests(HardeningPortal portal) : IClassFixture<HardeningPortal>
{
    private const string LoneSurrogate = "\\ud800";

    private static StringContent Json(string json, string contentType = "application/json")
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    [Fact]
    public async Task A_lone_surrogate_in_an_unauthenticated_event_is_refused_before_the_key_without_a_500()
    {
        var before = await portal.StoredRowsAsync();
        using var http = portal.Anonymous();
        using var response = await http.PostAsync("/api/ingest/events", Json($$"""{"routing_key":"{{LoneSurrogate}}","event_action":"trigger"}"""));
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(before, await portal.StoredRowsAsync());
    }

    [Theory]
    [InlineData("/api/ingest/events", """{"event_action":"trigger","payload":{"summary":"Disk X","source":"db","severity":"info"}}""")]
    [InlineData("/api/ingest/events", """{"event_action":"trigger","dedup_key":"X","payload":{"summary":"Disk","source":"db","severity":"info"}}""")]
    [InlineData("/api/ingest/events", """{"event_action":"trigger","payload":{"summary":"Disk","source":"db","severity":"info","custom_details":{"X":1}}}""")]
    [InlineData("/api/ingest/alertmanager", """{"version":"4","alerts":[{"status":"firing","labels":{"alertname":"X"}}]}""")]
    [InlineData("/api/ingest/alertmanager", """{"version":"4","alerts":[{"status":"firing","labels":{"X":"a"}}]}""")]
    public async Task A_lone_surrogate_anywhere_in_an_authenticated_payload_is_a_400_naming_the_problem(string path, string body)
    {
        var before = await portal.StoredRowsAsync();
        using var http = portal.WithBearer(path.EndsWith("events") ? portal.EventsKey : portal.AlertmanagerKey);
        using var response = await http.PostAsync(path, Json(body.Replace("X", LoneSurrogate)));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("surrogate", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await portal.StoredRowsAsync());
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\\t\\n")]
    [InlineData("\\u00a0\\u2003\\u3000")]
    public async Task A_required_text_of_only_whitespace_in_an_event_is_a_400(string blank)
    {
        var before = await portal.StoredRowsAsync();
        using var http = portal.WithBearer(portal.EventsKey);
        using var response = await http.PostAsync("/api/ingest/events",
            Json($$$"""{"event_action":"trigger","payload":{"summary":"{{{blank}}}","source":"db","severity":"info"}}"""));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("payload.summary is required", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await portal.StoredRowsAsync());
    }

    [Theory]
    [InlineData("""{"impact":99}""", "impact")]
    [InlineData("""{"urgency":-1}""", "urgency")]
    [InlineData("""{"priority":7,"priorityReason":"Because"}""", "priority")]
    [InlineData("""{"impact":"7"}""", "impact")]
    public async Task An_out_of_range_enum_number_in_a_patch_is_a_400_and_changes_nothing(string body, string field)
    {
        using var http = portal.WithBearer(portal.AgentKey);
        var before = await IncidentJsonAsync(http);
        using var response = await http.PatchAsync($"/api/v1/incidents/{portal.IncidentId}", Json(body));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await IncidentJsonAsync(http));
    }

    [Fact]
    public async Task An_out_of_range_enum_number_in_a_new_incident_is_a_400_and_stores_nothing()
    {
        var before = await portal.StoredRowsAsync();
        using var http = portal.WithBearer(portal.AgentKey);
        using var response = await http.PostAsync("/api/v1/incidents", Json("""{"title":"Printer","impact":42,"urgency":"Low"}"""));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await portal.StoredRowsAsync());
    }

    [Theory]
    [InlineData("/api/v1/incidents", "application/json; charset=klingon")]
    [InlineData("/api/ingest/events", "application/json; charset=x-unknown")]
    [InlineData("/status/subscribe", "application/x-www-form-urlencoded; charset=nope")]
    public async Task An_unknown_charset_is_a_415_problem(string path, string contentType)
    {
        var before = await portal.StoredRowsAsync();
        using var http = portal.WithBearer(path.Contains("ingest") ? portal.EventsKey : portal.AgentKey);
        var body = path.StartsWith("/status") ? $"Email=a%40example.com&ComponentIds={portal.ComponentId}" : """{"title":"Printer","impact":"Low","urgency":"Low"}""";
        using var response = await http.PostAsync(path, Json(body, contentType));
        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("charset", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await portal.StoredRowsAsync());
    }

    [Theory]
    [InlineData("/status/subscribe", "Email", "a\0b@example.com")]
    [InlineData("/status/subscribe", "Email", "\0")]
    [InlineData("/status/subscribe/webhook", "WebhookUrl", "https://example.com/\0hook")]
    [InlineData("/status/subscribe/webhook", "WebhookFormat", "json\0")]
    public async Task A_nul_character_in_a_public_form_field_is_a_400_that_stores_nothing(string path, string field, string value)
    {
        var before = await portal.StoredRowsAsync();
        var components = path.EndsWith("webhook") ? "WebhookComponentIds" : "ComponentIds";
        var fields = new Dictionary<string, string>
        {
            [components] = portal.ComponentId.ToString(),
            ["Email"] = "fine@example.com", ["WebhookUrl"] = "https://example.com/hook", ["WebhookFormat"] = "json",
        };
        fields[field] = value;
        using var http = portal.Anonymous();
        using var response = await http.PostAsync(path, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await portal.StoredRowsAsync());
    }

    [Fact]
    public async Task A_form_over_the_limits_is_a_413_problem()
    {
        var before = await portal.StoredRowsAsync();
        using var http = portal.Anonymous();
        var many = Enumerable.Range(0, 5000).Select(i => new KeyValuePair<string, string>("ComponentIds", i.ToString()))
            .Append(new("Email", "many@example.com"));
        using var response = await http.PostAsync("/status/subscribe", new FormUrlEncodedContent(many));
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        using var longValue = await http.PostAsync("/status/subscribe", new FormUrlEncodedContent(
            [new("Email", new string('a', 5 * 1024 * 1024) + "@example.com"), new("ComponentIds", portal.ComponentId.ToString())]));
        await longValue.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await portal.StoredRowsAsync());
    }

    [Fact]
    public async Task A_form_that_is_not_valid_utf8_is_refused_without_a_500()
    {
        using var http = portal.Anonymous();
        var content = new ByteArrayContent([.. "Email=a"u8, 0xC3, 0x28, .. "%40example.com"u8]);
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var response = await http.PostAsync("/status/subscribe", content);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"Got {(int)response.StatusCode}");
    }

    private async Task<string> IncidentJsonAsync(HttpClient http)
    {
        using var response = await http.GetAsync($"/api/v1/incidents/{portal.IncidentId}");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetRawText();
    }
}
