using IncidentPortal.Tests.E2E.Harness;
using IncidentPortal.Tests.Features.Webhooks.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>Anonymous visitors subscribe by e-mail and webhook; an incident manager's publish reaches both.</summary>
public sealed class StatusSubscriberTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task A_confirmed_subscriber_and_a_slack_webhook_receive_the_next_update_and_a_failed_delivery_is_retried_and_logged() => Run(async () =>
    {
        var suffix = Guid.NewGuid().ToString("N")[..5];
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer("/slack", 500);
        var email = $"visitor-{suffix}@portal.test";

        var visitor = await NewPageAsync();
        await visitor.GotoAsync("/status/subscribe");
        var byEmail = visitor.GetByRole(AriaRole.Region, new() { Name = "By e-mail" });
        await byEmail.GetByLabel("E-mail address").FillAsync(email);
        await byEmail.GetByLabel("Email and calendars").CheckAsync();
        await byEmail.GetByRole(AriaRole.Button, new() { Name = "Subscribe by e-mail" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("Check your inbox");

        var confirmation = await Server.Smtp.WaitForMessageToAsync(email);
        var text = confirmation.TextBody!;
        var start = text.IndexOf(Server.BaseUrl + "/status/subscribe/confirm", StringComparison.Ordinal);
        Assert.True(start >= 0, text);
        await visitor.GotoAsync(text[start..text.IndexOfAny(['\r', '\n'], start)]);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "You are subscribed" })).ToBeVisibleAsync();

        await visitor.GotoAsync("/status/subscribe");
        var byWebhook = visitor.GetByRole(AriaRole.Region, new() { Name = "By webhook" });
        await byWebhook.GetByLabel("Webhook URL").FillAsync(receiver.Url("/slack"));
        await byWebhook.GetByLabel("Message format").SelectOptionAsync("Slack");
        await byWebhook.GetByRole(AriaRole.Button, new() { Name = "Add webhook" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("Webhook added");

        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var id = await reporter.ReportIncidentAsync($"Mail bounces {suffix}");
        var manager = await SignedInPageAsync(DemoUsers.Manager);
        await manager.GotoInteractiveAsync($"/incidents/{id}");
        await manager.Button("Publish to status page").ClickAsync();
        await manager.ChooseAsync("Email and calendars", "Major outage");
        var title = $"Mail bounces {suffix}";
        await manager.GetByLabel("Public title").FillAsync(title);
        await manager.Button("Use Investigating template").ClickAsync();
        await manager.Button("Publish").ClickAsync();
        await Expect(manager.GetByRole(AriaRole.List, new() { Name = "Published updates" })).ToContainTextAsync("We are investigating");

        var update = await Server.Smtp.WaitForMessageAsync(m => m.To.Contains(email) && m.Subject.Contains(title), TimeSpan.FromSeconds(30));
        Assert.Equal($"[Investigating] {title}", update.Subject);
        Assert.Contains("/status/unsubscribe?token=", update.TextBody);
        Assert.StartsWith($"<{Server.BaseUrl}/status/unsubscribe/one-click?token=", update.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", update.Headers["List-Unsubscribe-Post"]);

        var refused = await receiver.NextAsync("/slack", TimeSpan.FromSeconds(30));
        var delivered = await receiver.NextAsync("/slack", TimeSpan.FromSeconds(30));
        Assert.Equal(refused.Body, delivered.Body);
        Assert.Contains($"[Investigating] {title}", delivered.Body);
        Assert.Contains("\"blocks\"", delivered.Body);

        await manager.GotoInteractiveAsync("/status-admin/subscribers");
        var log = manager.GetByRole(AriaRole.Table, new() { Name = "Webhook delivery log" });
        var rows = log.GetByRole(AriaRole.Row).Filter(new() { HasText = title });
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync("Delivered");
        await Expect(rows.Nth(1)).ToContainTextAsync("Will retry: HTTP 500");
    });
}
