using IncidentPortal.Features.Webhooks;
using IncidentPortal.Tests.E2E.Harness;
using IncidentPortal.Tests.Features.Webhooks.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>An admin registers a webhook on /admin/webhooks; deliveries reach a real receiver and show in the log live.</summary>
public sealed class WebhookAdminTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task An_admin_registers_a_webhook_sends_a_test_event_and_sees_it_delivered_with_200() => Run(async () =>
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var name = $"Ops chat {Guid.NewGuid().ToString("N")[..6]}";
        var admin = await SignedInPageAsync(DemoUsers.Admin);
        await admin.GotoInteractiveAsync("/admin/webhooks");
        await Expect(admin.Heading("Webhooks")).ToBeVisibleAsync();

        // A bad URL is refused at the field, and nothing is created.
        var secret = await CreateAsync(admin, name, "not a url", expectError: "absolute http");
        Assert.Null(secret);
        secret = await CreateAsync(admin, name, receiver.Url("/ops"));

        var log = admin.GetByRole(AriaRole.Region, new() { Name = $"Deliveries to {name}", Exact = true });
        await Expect(log).ToContainTextAsync("Nothing delivered yet");
        await log.GetByRole(AriaRole.Button, new() { Name = "Send test event", Exact = true }).ClickAsync();

        var received = await receiver.NextAsync("/ops");
        Assert.Equal("ping", received.Header(WebhookRequest.EventHeader));
        Assert.True(WebhookSignature.Verify(secret!, received.Header(WebhookRequest.TimestampHeader), received.Body,
            received.Header(WebhookRequest.SignatureHeader)), "the secret shown on the page verifies the delivery");

        // The attempt appears without a reload: the sender announces it, the open log re-reads.
        var row = log.GetByRole(AriaRole.Row).Filter(new() { HasText = "ping" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("200");
        await Expect(row).ToContainTextAsync("Delivered");
        await row.GetByRole(AriaRole.Button, new() { Name = "Payload of attempt 1", Exact = false }).ClickAsync();
        await Expect(log.GetByLabel("Request body")).ToContainTextAsync("\"event\": \"ping\"");
        await Expect(log.GetByLabel("Response body")).ToContainTextAsync("thanks");
        var gridRow = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(gridRow).ToContainTextAsync("200");

        await DeleteAsync(admin, name);
    });

    [Fact]
    public Task An_agents_public_reply_reaches_the_receiver_and_the_admins_open_log_but_a_work_note_does_not() => Run(async () =>
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var run = Guid.NewGuid().ToString("N")[..6];
        var name = $"Comments {run}";
        var admin = await SignedInPageAsync(DemoUsers.Admin);
        await admin.GotoInteractiveAsync("/admin/webhooks");
        await CreateAsync(admin, name, receiver.Url("/comments"), events: ["Commented: a public comment is added"]);
        var log = admin.GetByRole(AriaRole.Region, new() { Name = $"Deliveries to {name}", Exact = true });

        var agent = await SignedInPageAsync(DemoUsers.Agent);
        var id = await agent.ReportIncidentAsync($"Printer jammed {run}");
        await agent.PostCommentAsync($"NOTE-{run} internal only", internalNote: true);
        await agent.PostCommentAsync($"REPLY-{run} a technician is on the way", internalNote: false);

        var received = await receiver.NextAsync("/comments");
        Assert.Equal("incident.commented", received.Header(WebhookRequest.EventHeader));
        Assert.Contains($"REPLY-{run}", received.Body);
        Assert.Contains($"/incidents/{id}", received.Body);
        var row = log.GetByRole(AriaRole.Row).Filter(new() { HasText = "incident.commented" });
        await Expect(row).ToContainTextAsync("200");
        await Expect(row).ToContainTextAsync($"incident #{id}");
        Assert.DoesNotContain(receiver.All, r => r.Body.Contains($"NOTE-{run}"));
        Assert.Single(receiver.All);

        await DeleteAsync(admin, name);
    });

    /// <summary>Fills the editor and creates the webhook; returns the secret shown once (null when the form refused).</summary>
    private static async Task<string?> CreateAsync(IPage admin, string name, string url, string? expectError = null, string[]? events = null)
    {
        var editor = admin.GetByRole(AriaRole.Region, new() { Name = "New webhook", Exact = true });
        if (!await editor.IsVisibleAsync()) await admin.GetByRole(AriaRole.Button, new() { Name = "New webhook", Exact = true }).ClickAsync();
        await editor.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await editor.GetByLabel("Payload URL", new() { Exact = true }).FillAsync(url);
        if (events is not null)
        {
            foreach (var box in await editor.GetByRole(AriaRole.Group, new() { Name = "Events" }).GetByRole(AriaRole.Checkbox).AllAsync())
                await box.UncheckAsync();
            foreach (var label in events) await editor.GetByLabel(label, new() { Exact = true }).CheckAsync();
        }
        await editor.GetByRole(AriaRole.Button, new() { Name = "Create webhook", Exact = true }).ClickAsync();
        if (expectError is not null)
        {
            var urlField = editor.GetByLabel("Payload URL", new() { Exact = true });
            await Expect(urlField).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(editor.GetByRole(AriaRole.Alert)).ToContainTextAsync(expectError);
            // The message is the field's own: a screen reader reads it with the field.
            await Expect(urlField).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(expectError));
            await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToHaveCountAsync(0);
            return null;
        }
        var notice = admin.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Signing secret for {name}" });
        await Expect(notice).ToBeVisibleAsync();
        var secret = await notice.GetByLabel("Signing secret", new() { Exact = true }).InputValueAsync();
        Assert.StartsWith("whsec_", secret);
        await notice.GetByRole(AriaRole.Button, new() { Name = "I have stored it", Exact = true }).ClickAsync();
        await Expect(notice).ToBeHiddenAsync();
        await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToHaveCountAsync(1);
        return secret;
    }

    private static async Task DeleteAsync(IPage admin, string name)
    {
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Delete webhook", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToHaveCountAsync(0);
    }
}
