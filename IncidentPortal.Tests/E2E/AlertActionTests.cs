using System.Text.Json;
using System.Text.RegularExpressions;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>
/// An agent acknowledges an alert in the alerts list (another agent's list follows live) and resolves one from the
/// incident's alerts panel, after a confirmation; the incident's timeline says who did it.
/// </summary>
public sealed class AlertActionTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task An_agent_acknowledges_in_the_alerts_list_and_resolves_from_the_incidents_alerts_panel() => Run(async () =>
    {
        var key = await CreateIntegrationAsync("Ack E2E " + Guid.NewGuid().ToString("N")[..6]);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (first, second) = ($"Replica lag above 30s {tag}", $"Certificate expires in 3 days {tag}");
        await TriggerAsync(key, first);
        await TriggerAsync(key, second);

        var agent = await SignedInPageAsync(DemoUsers.Agent);
        await agent.GotoInteractiveAsync("/alerts");
        var watcher = await SignedInPageAsync(DemoUsers.Manager);
        await watcher.GotoInteractiveAsync("/alerts");

        var row = agent.GetByRole(AriaRole.Row).Filter(new() { HasText = first });
        await Expect(row).ToContainTextAsync("Triggered");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Acknowledge {first}" }).ClickAsync();
        await Expect(agent.GetByText($"Acknowledged “{first}”.")).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Acknowledged");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Acknowledge {first}" })).ToHaveCountAsync(0);
        await Expect(watcher.GetByRole(AriaRole.Row).Filter(new() { HasText = first })).ToContainTextAsync("Acknowledged");

        // The other alert, from its incident: Resolve asks first, then the panel shows it resolved.
        await agent.GetByRole(AriaRole.Row).Filter(new() { HasText = second })
            .GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^INC-\d+$") }).ClickAsync();
        await agent.WaitForInteractiveAsync();
        var panel = agent.GetByRole(AriaRole.Region, new() { Name = "Alerts" });
        await Expect(panel).ToContainTextAsync("(1 open of 1)");
        await panel.GetByRole(AriaRole.Button, new() { Name = $"Resolve {second}" }).ClickAsync();
        var dialog = agent.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("If monitoring reports it again, a new alert opens.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Resolve alert" }).ClickAsync();
        await Expect(panel).ToContainTextAsync("(0 open of 1)");
        await Expect(panel.GetByRole(AriaRole.Button, new() { Name = $"Resolve {second}" })).ToHaveCountAsync(0);
        await Expect(agent.GetByText($"Resolved the alert “{second}” by hand.").First).ToBeVisibleAsync();
    });

    private async Task TriggerAsync(string key, string summary)
    {
        using var http = new HttpClient();
        using var sent = await http.PostAsync(Server.BaseUrl + "/api/ingest/events", new StringContent(JsonSerializer.Serialize(new
        {
            routing_key = key, event_action = "trigger", dedup_key = summary,
            payload = new { summary, source = "db-02", severity = "warning" },
        })));
        Assert.Equal(202, (int)sent.StatusCode);
    }

    /// <summary>An Events v2 integration made on the admin page; returns the key it shows once.</summary>
    private async Task<string> CreateIntegrationAsync(string name)
    {
        var admin = await SignedInPageAsync(DemoUsers.Admin);
        await admin.GotoInteractiveAsync("/admin/integrations");
        await admin.GetByRole(AriaRole.Button, new() { Name = "New integration" }).ClickAsync();
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await admin.ChooseAsync("Sends from", "Events API (PagerDuty v2)");
        await admin.ChooseAsync("Team that gets the incidents", "Network");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create integration" }).ClickAsync();
        var keyField = admin.GetByLabel("API key");
        await Expect(keyField).ToHaveValueAsync(new Regex("^ipk_"));
        var key = await keyField.InputValueAsync();
        await admin.Context.CloseAsync();
        return key;
    }
}
