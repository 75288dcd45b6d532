using System.Text.RegularExpressions;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>Queue triage at speed: bulk assign, a saved view whose tab count follows live, Assign to me asking for the team.</summary>
public sealed class QueueBulkTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task An_agent_selects_every_row_of_a_search_and_assigns_them_all_to_themselves_at_once() => Run(async () =>
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        await reporter.ReportIncidentAsync($"Bulk triage {run} VPN token");
        await reporter.ReportIncidentAsync($"Bulk triage {run} VPN slow");

        var agent = await SignedInPageAsync(DemoUsers.Agent);
        await agent.GotoInteractiveAsync($"/queue?q={run}");
        await Expect(agent.GetByRole(AriaRole.Row)).ToHaveCountAsync(3); // header + two
        await agent.GetByRole(AriaRole.Checkbox, new() { Name = "Select all on this page" }).ClickAsync();
        var bar = agent.GetByRole(AriaRole.Region, new() { Name = "Selected incidents" });
        await Expect(bar.GetByRole(AriaRole.Status)).ToHaveTextAsync("2 selected");

        await bar.GetByRole(AriaRole.Button, new() { Name = "Assign to me", Exact = true }).ClickAsync();

        // VPN incidents are Network's, a team of the agent's: taken without a question, and the team stays.
        await Expect(agent.GetByRole(AriaRole.Status).Filter(new() { HasText = "Assigned 2 incidents to you." })).ToBeVisibleAsync();
        await Expect(agent.GetByRole(AriaRole.Cell, new() { Name = "You", Exact = true })).ToHaveCountAsync(2);
        await Expect(agent.GetByRole(AriaRole.Cell, new() { Name = "Network", Exact = true })).ToHaveCountAsync(2);
        await Expect(bar).ToHaveCountAsync(0);
    });

    [Fact]
    public Task A_saved_view_is_pinned_as_a_tab_whose_count_follows_new_incidents_live() => Run(async () =>
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var agent = await SignedInPageAsync(DemoUsers.Agent);
        await agent.GotoInteractiveAsync($"/queue?q={run}&sort=created");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Save view", Exact = true }).ClickAsync();
        var dialog = agent.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync($"Run {run}");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        var tab = agent.GetByRole(AriaRole.Navigation, new() { Name = "Saved views" }).GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^Run {run},") });
        await Expect(tab).ToHaveAccessibleNameAsync($"Run {run}, 0 open");

        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        await reporter.ReportIncidentAsync($"Saved view {run} printer");

        await Expect(tab).ToHaveAccessibleNameAsync($"Run {run}, 1 open");
        await agent.GotoInteractiveAsync("/queue");
        await tab.ClickAsync();
        await agent.WaitForURLAsync(new Regex($"q={run}"));
        await Expect(tab).ToHaveAttributeAsync("aria-current", "page");

        await agent.GetByRole(AriaRole.Button, new() { Name = "Manage views", Exact = true }).ClickAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = $"Delete Run {run}", Exact = true }).ClickAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Done", Exact = true }).ClickAsync();
        await Expect(tab).ToHaveCountAsync(0);
    });

    /// <summary>Regression, defect 1: Assign to me moved an incident silently into the agent's own team.</summary>
    [Fact]
    public Task Assign_to_me_on_another_team_s_incident_asks_which_team_and_Cancel_changes_nothing() => Run(async () =>
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var id = await reporter.ReportIncidentAsync($"Team question {run} VPN");

        // Morgan is in Service Desk only; VPN incidents are Network's.
        var manager = await SignedInPageAsync(DemoUsers.Manager);
        await manager.GotoInteractiveAsync($"/queue?q={run}");
        var row = manager.GetByRole(AriaRole.Row).Filter(new() { HasText = run });
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Assign INC-\\d+ to me$") }).ClickAsync();
        var dialog = manager.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("is not in one of your teams");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Network", Exact = true })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Unassigned", Exact = true })).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Assign INC-\\d+ to me$") }).ClickAsync();
        await dialog.GetByRole(AriaRole.Radio, new() { Name = "Service Desk" }).CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Assign to me" }).ClickAsync();

        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Service Desk", Exact = true })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "You", Exact = true })).ToBeVisibleAsync();
        Assert.True(id > 0);
    });
}
