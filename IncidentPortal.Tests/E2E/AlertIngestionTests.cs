using System.Text.Json;
using System.Text.RegularExpressions;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>
/// Monitoring alerts end to end: an admin creates an integration (its key shown once), a real Prometheus Alertmanager
/// sends to it, the alert appears live in an agent's queue, and resolving it at Alertmanager resolves it in the portal.
/// </summary>
public sealed class AlertIngestionTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task An_alert_posted_to_Alertmanager_appears_live_in_the_agents_queue_and_resolving_it_there_resolves_it_in_the_portal() => Run(async () =>
    {
        var name = "Alertmanager E2E " + Guid.NewGuid().ToString("N")[..6];
        var key = await CreateIntegrationAsync(name);

        var agent = await SignedInPageAsync(DemoUsers.Agent);
        await agent.GotoInteractiveAsync("/queue?view=all-open&sort=created");
        await agent.EvaluateAsync("() => window.alertTestMarker = 'not reloaded'");

        await using var alertmanager = await AlertmanagerProcess.StartAsync(Server.BaseUrl + "/api/ingest/alertmanager", key);
        var alertName = "E2EDiskFull" + Guid.NewGuid().ToString("N")[..6];
        var startsAt = DateTime.UtcNow.AddSeconds(-5);
        await alertmanager.PostAlertsAsync(Alerts(alertName, startsAt, endsAt: null));

        var title = $"{alertName}: Disk on db-e2e is full";
        var row = agent.GetByRole(AriaRole.Row).Filter(new() { HasText = title });
        try { await Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 }); }
        catch (PlaywrightException) { Output.WriteLine("Alertmanager log:\n" + alertmanager.Log); throw; }
        Assert.Equal("not reloaded", await agent.EvaluateAsync<string>("() => window.alertTestMarker"));
        await Expect(row).ToContainTextAsync("P1");

        // The incident's alerts section shows the alert, firing, with its labels.
        await row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^INC-\d+$") }).ClickAsync();
        await agent.WaitForInteractiveAsync();
        var alerts = agent.GetByRole(AriaRole.Region, new() { Name = "Alerts" });
        await Expect(alerts).ToContainTextAsync("Triggered");
        await Expect(agent.GetByRole(AriaRole.List, new() { Name = "Labels of Disk on db-e2e is full" })).ToContainTextAsync("alertname" + alertName);

        // Resolved at Alertmanager (endsAt in the past): the alert recovers live, then the system resolves the incident.
        await alertmanager.PostAlertsAsync(Alerts(alertName, startsAt, endsAt: DateTime.UtcNow.AddSeconds(-1)));
        await Expect(alerts).ToContainTextAsync("Resolved", new() { Timeout = 30_000 });
        await Expect(alerts.GetByText("(0 open of 1)")).ToBeVisibleAsync();
        await agent.ReloadAsync();
        await agent.WaitForInteractiveAsync();
        await Expect(agent.GetByText("Resolved automatically: The alert on this incident has recovered at the source.").First)
            .ToBeVisibleAsync(new() { Timeout = 15_000 });
    });

    [Fact]
    public Task The_alerts_list_shows_new_alerts_live_and_filters_by_status() => Run(async () =>
    {
        var agent = await SignedInPageAsync(DemoUsers.Agent);
        await agent.GotoInteractiveAsync("/alerts");
        await Expect(agent.GetByRole(AriaRole.Table, new() { Name = "Alerts" })).ToContainTextAsync("Checkout error rate above 5%");

        var key = await CreateIntegrationAsync("Events E2E " + Guid.NewGuid().ToString("N")[..6], kind: "Events API (PagerDuty v2)");
        var summary = "Queue depth above 10k " + Guid.NewGuid().ToString("N")[..6];
        using var http = new HttpClient();
        var sent = await http.PostAsync(Server.BaseUrl + "/api/ingest/events", new StringContent(JsonSerializer.Serialize(new
        {
            routing_key = key, event_action = "trigger", dedup_key = summary,
            payload = new { summary, source = "mq-01", severity = "error" },
        })));
        Assert.Equal(202, (int)sent.StatusCode);
        await Expect(agent.GetByRole(AriaRole.Row).Filter(new() { HasText = summary })).ToBeVisibleAsync();

        await agent.ChooseAsync("Status", "Resolved");
        await Expect(agent.GetByRole(AriaRole.Row).Filter(new() { HasText = summary })).ToHaveCountAsync(0);
    });

    /// <summary>Creates an integration on the admin page and returns the key it shows once.</summary>
    private async Task<string> CreateIntegrationAsync(string name, string kind = "Prometheus Alertmanager")
    {
        var admin = await SignedInPageAsync(DemoUsers.Admin);
        await admin.GotoInteractiveAsync("/admin/integrations");
        await admin.GetByRole(AriaRole.Button, new() { Name = "New integration" }).ClickAsync();
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await admin.ChooseAsync("Sends from", kind);
        await admin.ChooseAsync("Team that gets the incidents", "Network");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create integration" }).ClickAsync();

        var keyField = admin.GetByLabel("API key");
        await Expect(keyField).ToHaveValueAsync(new Regex("^ipk_[A-Za-z0-9_-]{43}$"));
        var key = await keyField.InputValueAsync();
        await Expect(admin.GetByText("it is shown only once")).ToBeVisibleAsync();
        await Expect(admin.Locator("pre.config-example")).ToContainTextAsync(key);
        await admin.GetByRole(AriaRole.Button, new() { Name = "I have saved the key" }).ClickAsync();
        // Gone for good: the list shows only the prefix.
        await Expect(admin.GetByLabel("API key")).ToHaveCountAsync(0);
        await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync(key[..10] + "…");
        await Expect(admin.GetByText(key)).ToHaveCountAsync(0);
        await admin.Context.CloseAsync();
        return key;
    }

    private static string Alerts(string alertName, DateTime startsAt, DateTime? endsAt) => JsonSerializer.Serialize(new[]
    {
        new Dictionary<string, object>
        {
            ["labels"] = new Dictionary<string, string> { ["alertname"] = alertName, ["severity"] = "critical", ["instance"] = "db-e2e:9100" },
            ["annotations"] = new Dictionary<string, string> { ["summary"] = "Disk on db-e2e is full" },
            ["startsAt"] = startsAt.ToString("O"),
            ["endsAt"] = (endsAt ?? DateTime.UtcNow.AddHours(1)).ToString("O"),
            ["generatorURL"] = "http://prometheus.e2e:9090/graph",
        },
    });
}
