using System.Net;
using System.Text.Json;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Features.StatusPage.Subscriptions.Webhooks;
using IncidentPortal.Tests.Features.Webhooks.Support;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.StatusPage.Subscriptions;

/// <summary>Webhook subscribers through the public form, the outbox and a real HTTP receiver on 127.0.0.1.</summary>
public sealed class WebhookSubscriptionTests(SubscriberPortal portal) : IClassFixture<SubscriberPortal>, IAsyncLifetime
{
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();
    public async Task DisposeAsync() => await receiver.DisposeAsync();

    private HttpClient NewBrowser() => portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    [Fact]
    public async Task A_slack_webhook_added_on_the_public_form_receives_the_next_update_as_a_slack_message()
    {
        var http = NewBrowser();
        using var added = await portal.SubscribeWebhookAsync(http, receiver.Url("/slack"), "Slack", portal.EmailComponent);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.False(added.Headers.Contains("Set-Cookie"));
        var page = await Html.ParseAsync(added);
        Assert.Contains("Webhook added", page.QuerySelector("[role=status]")!.TextContent);
        var unsubscribe = page.QuerySelector("#webhook-unsubscribe")!.GetAttribute("href")!;

        await portal.PublishAsync("Mail is delayed; we are <on it> & watching.", IncidentPhase.Identified, portal.EmailComponent);
        var delivered = await receiver.NextAsync("/slack");
        using var json = JsonDocument.Parse(delivered.Body);
        Assert.Equal("application/json; charset=utf-8", delivered.Header("Content-Type"));
        Assert.StartsWith("[Identified] Email delays: Mail is delayed", json.RootElement.GetProperty("text").GetString());
        var section = json.RootElement.GetProperty("blocks")[0];
        Assert.Equal("section", section.GetProperty("type").GetString());
        Assert.Equal("mrkdwn", section.GetProperty("text").GetProperty("type").GetString());
        Assert.Contains("we are &lt;on it&gt; &amp; watching", section.GetProperty("text").GetProperty("text").GetString());
        Assert.Contains("Affected: Email", json.RootElement.GetProperty("blocks")[1].GetRawText());

        var log = await WaitForLogAsync(receiver.Url("/slack"), 1);
        Assert.True(log[0].Succeeded);
        Assert.Equal(200, log[0].StatusCode);

        // The link shown once removes the webhook; nothing more arrives.
        using var removed = await http.PostAsync(new Uri(unsubscribe).PathAndQuery.Replace("/status/unsubscribe?", "/status/unsubscribe/one-click?"),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.False(await portal.WithDbAsync(db => db.StatusWebhookSubscribers.AnyAsync(s => s.Url == receiver.Url("/slack"))));
    }

    [Fact]
    public async Task A_failing_target_is_retried_and_every_attempt_is_logged()
    {
        receiver.Answer("/flaky", 500, 503);
        using var added = await portal.SubscribeWebhookAsync(NewBrowser(), receiver.Url("/flaky"), "Generic");
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);

        await portal.PublishAsync("Recovering the mail relay.", IncidentPhase.Monitoring, portal.EmailComponent);
        await receiver.NextAsync("/flaky");
        await receiver.NextAsync("/flaky");
        var third = await receiver.NextAsync("/flaky");
        using var json = JsonDocument.Parse(third.Body);
        Assert.Equal("incident.update", json.RootElement.GetProperty("event").GetString());
        Assert.Equal("monitoring", json.RootElement.GetProperty("phase").GetString());
        Assert.Equal("Recovering the mail relay.", json.RootElement.GetProperty("message").GetString());
        Assert.Equal(["Email"], json.RootElement.GetProperty("components").EnumerateArray().Select(e => e.GetString()));
        Assert.StartsWith("http://localhost/status/unsubscribe?token=", json.RootElement.GetProperty("unsubscribe_url").GetString());

        var log = await WaitForLogAsync(receiver.Url("/flaky"), 3);
        Assert.Equal([500, 503, 200], log.Select(d => d.StatusCode));
        Assert.Equal([1, 2, 3], log.Select(d => d.Attempt));
        Assert.Equal([false, false, true], log.Select(d => d.Succeeded));
        Assert.Equal([false, false, true], log.Select(d => d.IsFinal));
        Assert.Equal("HTTP 500 Internal Server Error", log[0].Error);

        // The incident managers' page shows the same log and the counts.
        var admin = portal.Services.GetRequiredService<StatusSubscriberAdmin>();
        var overview = await admin.OverviewAsync(portal.Manager);
        var row = Assert.Single(overview.Webhooks, w => w.Url == receiver.Url("/flaky"));
        Assert.Equal((1, 2), (row.Delivered, row.Failed));
        Assert.Equal("All", row.Components.Count == 0 ? "All" : "some");
        Assert.Equal([200, 503, 500], overview.Deliveries.Where(d => d.Url == row.Url).Select(d => d.StatusCode));
    }

    [Fact]
    public async Task A_refusing_target_is_not_retried_and_the_attempt_is_final()
    {
        receiver.Answer("/gone", 410);
        await portal.SubscribeWebhookAsync(NewBrowser(), receiver.Url("/gone"), "Teams");
        await portal.PublishAsync("Mail flows again; watching.", IncidentPhase.Monitoring, portal.EmailComponent);
        var card = await receiver.NextAsync("/gone");
        using var json = JsonDocument.Parse(card.Body);
        Assert.Equal("MessageCard", json.RootElement.GetProperty("@type").GetString());
        Assert.Equal("[Monitoring] Email delays", json.RootElement.GetProperty("title").GetString());
        var log = await WaitForLogAsync(receiver.Url("/gone"), 1);
        await Task.Delay(1500);
        log = await LogAsync(receiver.Url("/gone"));
        var only = Assert.Single(log);
        Assert.True(only.IsFinal);
        Assert.Equal(410, only.StatusCode);
    }

    [Theory]
    [InlineData("", "WebhookUrl")]
    [InlineData("ftp://example.com/hook", "WebhookUrl")]
    [InlineData("https://user:secret@example.com/hook", "WebhookUrl")]
    [InlineData("not a url", "WebhookUrl")]
    public async Task A_bad_webhook_address_gets_a_field_message_and_stores_nothing(string url, string field)
    {
        var before = await portal.WithDbAsync(db => db.StatusWebhookSubscribers.CountAsync());
        using var response = await portal.SubscribeWebhookAsync(NewBrowser(), url, "Generic");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Single(page.FieldMessages(field));
        Assert.Equal("true", page.QuerySelector("#webhook-url")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, await portal.WithDbAsync(db => db.StatusWebhookSubscribers.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_format_or_component_is_refused()
    {
        using var format = await portal.SubscribeWebhookAsync(NewBrowser(), receiver.Url("/x"), "Carrier-pigeon");
        Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
        Assert.Contains("Choose a message format.", await format.Content.ReadAsStringAsync());
        using var component = await portal.SubscribeWebhookAsync(NewBrowser(), receiver.Url("/x"), "Generic", 999_999);
        Assert.Equal(HttpStatusCode.BadRequest, component.StatusCode);
        Assert.Contains("no longer on the page", await component.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_incident_managers_and_admins_see_or_remove_subscribers()
    {
        var admin = portal.Services.GetRequiredService<StatusSubscriberAdmin>();
        var agent = new Actor("agent", "Agent", true, false, false);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.OverviewAsync(agent));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.RemoveWebhookAsync(agent, 1));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.RemoveEmailAsync(agent, 1));

        await portal.SubscribeWebhookAsync(NewBrowser(), receiver.Url("/removed"), "Generic");
        var id = await portal.WithDbAsync(db => db.StatusWebhookSubscribers.Where(s => s.Url == receiver.Url("/removed")).Select(s => s.Id).SingleAsync());
        Assert.True(await admin.RemoveWebhookAsync(portal.Manager, id));
        Assert.False(await admin.RemoveWebhookAsync(portal.Manager, id));
    }

    private async Task<List<StatusWebhookDelivery>> WaitForLogAsync(string url, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var log = await LogAsync(url);
            if (log.Count >= count) return log;
            Assert.True(DateTime.UtcNow < deadline, $"Only {log.Count} of {count} attempts logged for {url}.");
            await Task.Delay(100);
        }
    }

    private Task<List<StatusWebhookDelivery>> LogAsync(string url) => portal.WithDbAsync(db =>
        db.StatusWebhookDeliveries.Where(d => db.StatusWebhookSubscribers.Any(s => s.Id == d.SubscriberId && s.Url == url))
            .OrderBy(d => d.Id).ToListAsync());
}
