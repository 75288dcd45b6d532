using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>An admin sets up a team and a service in the browser; a reporter, elsewhere, can then report against it.</summary>
public sealed class AdminCatalogTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task An_admin_creates_a_team_with_a_member_and_a_service_that_a_reporter_then_sees_on_the_report_form() => Run(async () =>
    {
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var teamName = $"Print Room {suffix}";
        var serviceName = $"Plotters {suffix}";

        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        await reporter.GotoInteractiveAsync("/incidents/new");
        var serviceSelect = reporter.GetByLabel("Which service is affected?", new() { Exact = true });
        await Expect(serviceSelect.Locator("option", new() { HasText = "VPN" })).ToHaveCountAsync(1);
        await Expect(serviceSelect.Locator("option", new() { HasText = serviceName })).ToHaveCountAsync(0);

        // The admin creates the team; the members panel opens for it.
        var admin = await SignedInPageAsync(DemoUsers.Admin);
        await admin.GotoInteractiveAsync("/admin/teams");
        await Expect(admin.Heading("Teams")).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "New team", Exact = true }).ClickAsync();
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync(teamName);
        await admin.GetByLabel("Description (optional)").FillAsync("Large-format printers and plotters.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create team", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = $"Members of {teamName}", Exact = true })).ToBeVisibleAsync();

        // ...adds Alex Agent, whose roles the member list then shows.
        await admin.ChooseAsync("Add a member", "Alex Agent (Agent)");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        var members = admin.GetByRole(AriaRole.List, new() { Name = $"Members of {teamName}", Exact = true });
        await Expect(members.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(members.GetByRole(AriaRole.Listitem)).ToContainTextAsync(["Alex Agent"]);
        await Expect(members).ToContainTextAsync(DemoUsers.Agent.Email);
        await Expect(members.Locator(".role-chip")).ToHaveTextAsync(["Agent"]);
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = $"Remove Alex Agent from {teamName}", Exact = true })).ToBeVisibleAsync();
        // The grid's member count follows (columns while the panel is open: name, members, open incidents, actions).
        var teamRow = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = teamName });
        await Expect(teamRow.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("1");

        // The admin adds a service that the new team supports.
        await admin.GotoInteractiveAsync("/admin/services");
        await admin.GetByRole(AriaRole.Button, new() { Name = "New service", Exact = true }).ClickAsync();
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync(serviceName);
        await admin.GetByLabel("Description (optional)").FillAsync("Wide-format printing for the drawing office.");
        await admin.ChooseAsync("Support team", teamName);
        await Expect(admin.GetByLabel("Active", new() { Exact = true })).ToBeCheckedAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add service", Exact = true }).ClickAsync();
        var serviceRow = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = serviceName });
        await Expect(serviceRow).ToContainTextAsync(teamName);
        await Expect(serviceRow).ToContainTextAsync("Active");

        // The reporter's form shows the new service after a reload, and takes a report against it.
        await reporter.ReloadAsync();
        await reporter.WaitForInteractiveAsync();
        await Expect(serviceSelect.Locator("option", new() { HasText = serviceName })).ToHaveCountAsync(1);
        await reporter.GetByLabel("What is wrong?").FillAsync("The plotter prints everything in magenta");
        await serviceSelect.SelectOptionAsync(new SelectOptionValue { Label = serviceName });
        await reporter.GetByLabel("Only me").CheckAsync();
        await reporter.GetByLabel("It slows my work down").CheckAsync();
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Report incident", Exact = true }).ClickAsync();
        await Expect(reporter.GetByRole(AriaRole.Status).Filter(new() { HasText = "has been logged" })).ToBeVisibleAsync();
    });
}
