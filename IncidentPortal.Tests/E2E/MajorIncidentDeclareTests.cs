using System.Text.RegularExpressions;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>Declaring major incidents: an agent proposes and a manager accepts live; a surge is declared and linked in one action.</summary>
public sealed partial class MajorIncidentDeclareTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task An_agent_proposes_a_manager_hears_of_it_accepts_with_SEV1_takes_command_and_the_agents_page_shows_the_banner_live() => Run(async () =>
    {
        var title = $"Payroll portal down {Guid.NewGuid().ToString("N")[..6]}";
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var id = await reporter.ReportIncidentAsync(title);

        var manager = await SignedInPageAsync(DemoUsers.Manager);
        await manager.GotoInteractiveAsync("/queue");
        var agent = await SignedInPageAsync(DemoUsers.Agent);
        await agent.GotoInteractiveAsync($"/incidents/{id}");
        var reference = (await agent.IncidentReference().TextContentAsync())!.Trim();

        await agent.Button("Propose as major incident").ClickAsync();
        var dialog = agent.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Propose", Exact = true }).ClickAsync();
        await Expect(dialog.GetByText("Say why this should be a major incident.")).ToBeVisibleAsync();
        await dialog.GetByLabel("Why is this a major incident?").FillAsync("Nobody in finance can run payroll");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Propose", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        var proposal = agent.GetByRole(AriaRole.Region, new() { Name = "Major incident proposal" });
        await Expect(proposal).ToContainTextAsync($"Proposed as a major incident by {DemoUsers.Agent.DisplayName}");

        // The manager's bell rings without a reload; its link leads to the incident, where the proposal waits.
        await Bell(manager).ClickAsync();
        var latest = manager.GetByRole(AriaRole.Region, new() { Name = "Latest notifications" });
        await latest.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape($"{reference} proposed as a major incident")) }).ClickAsync();
        await manager.WaitForURLAsync($"**/incidents/{id}");
        await Expect(manager.GetByRole(AriaRole.Region, new() { Name = "Major incident proposal" })).ToContainTextAsync("Nobody in finance can run payroll");
        await manager.Button("Accept").ClickAsync();
        var accept = manager.GetByRole(AriaRole.Dialog);
        await accept.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^SEV1") }).CheckAsync();
        // The manager takes command: they are the default commander.
        await Expect(accept.GetByLabel("Incident commander")).ToHaveValueAsync(DemoUsers.Manager.DisplayName);
        await accept.GetByRole(AriaRole.Button, new() { Name = "Accept and declare" }).ClickAsync();
        await Expect(accept).ToBeHiddenAsync();

        // The agent's page was not reloaded: the banner came over its circuit.
        var banner = agent.GetByRole(AriaRole.Region, new() { Name = "Major incident", Exact = true });
        await Expect(banner).ToContainTextAsync($"Major incident · SEV1 · commander {DemoUsers.Manager.DisplayName} · Declared");
        await Expect(banner.GetByRole(AriaRole.Link, new() { Name = "Open war room" })).ToHaveAttributeAsync("href", new Regex(@"^major-incidents/\d+$"));
        await Expect(Bell(agent)).ToHaveAttributeAsync("aria-label", new Regex(@"^Notifications, \d+ unread"));

        await SaveScreenshotAsync(agent, "workspace-banner-desktop");
        var phone = await SignedInPageAsync(DemoUsers.Manager, Phone);
        await phone.GotoInteractiveAsync($"/incidents/{id}");
        await Expect(phone.GetByRole(AriaRole.Region, new() { Name = "Major incident", Exact = true })).ToBeVisibleAsync();
        await SaveScreenshotAsync(phone, "workspace-banner-phone");
    });

    [Fact]
    public Task Three_reports_on_one_service_raise_the_surge_prompt_and_are_declared_and_linked_in_one_action() => Run(async () =>
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var manager = await SignedInPageAsync(DemoUsers.Manager);
        await manager.GotoInteractiveAsync("/major-incidents");
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var titles = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            titles.Add($"S: drive gone {i} {tag}");
            await ReportOnFileSharesAsync(reporter, titles[^1]);
        }

        await Bell(manager).ClickAsync();
        var latest = manager.GetByRole(AriaRole.Region, new() { Name = "Latest notifications" });
        await latest.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Possible major incident on File Shares: 3 reports in 10 minutes") }).ClickAsync();
        await manager.WaitForURLAsync(new Regex(@"/major-incidents/new\?service=\d+&link=\d+,\d+,\d+$"));
        await Expect(manager.GetByLabel("Title")).ToHaveValueAsync("File Shares outage");
        var toLink = manager.GetByRole(AriaRole.List, new() { Name = "Incidents to link" });
        foreach (var title in titles) await Expect(toLink.GetByRole(AriaRole.Checkbox, new() { Name = title })).ToBeCheckedAsync();
        await Expect(toLink).ToContainTextAsync(DemoUsers.Reporter.DisplayName);
        await SaveScreenshotAsync(manager, "new-surge-desktop");

        // Nothing is created while a field is missing.
        await manager.Button("Declare and link").ClickAsync();
        await Expect(manager.GetByText("Choose how severe it is.")).ToBeVisibleAsync();
        await Expect(manager.GetByText("Say why this is a major incident.")).ToBeVisibleAsync();
        await manager.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^SEV1") }).CheckAsync();
        await manager.GetByLabel("Why is this a major incident?").FillAsync("Everyone's S: drive is gone");
        await manager.Button("Declare and link").ClickAsync();

        await manager.WaitForURLAsync(new Regex(@"/incidents/\d+$"));
        await Expect(manager.Heading("File Shares outage")).ToBeVisibleAsync();
        await Expect(manager.GetByRole(AriaRole.Region, new() { Name = "Major incident", Exact = true })).ToContainTextAsync("Major incident · SEV1");

        await manager.GotoInteractiveAsync("/major-incidents");
        var row = manager.GetByRole(AriaRole.Row).Filter(new() { HasText = "File Shares outage" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByRole(AriaRole.Cell).Nth(7)).ToHaveTextAsync("3");
        await Expect(row).ToContainTextAsync(DemoUsers.Manager.DisplayName);
        await SaveScreenshotAsync(manager, "list-desktop");
        var phone = await SignedInPageAsync(DemoUsers.Manager, Phone);
        await phone.GotoInteractiveAsync("/major-incidents");
        await Expect(phone.GetByText("File Shares outage")).ToBeVisibleAsync();
        await SaveScreenshotAsync(phone, "list-phone");
        await phone.GotoInteractiveAsync("/major-incidents/new");
        await SaveScreenshotAsync(phone, "new-phone");
    });

    private static async Task ReportOnFileSharesAsync(IPage page, string title)
    {
        await page.GotoInteractiveAsync("/incidents/new");
        await page.GetByLabel("What is wrong?").FillAsync(title);
        await page.ChooseAsync("Which service is affected?", "File Shares");
        await page.GetByLabel("My team or department").CheckAsync();
        await page.GetByLabel("I cannot work at all").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Report incident" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/incidents/\d+\?reported=true$"), ReportedNavigation);
        await Expect(page.Heading(title)).ToBeVisibleAsync();
    }

    private async Task SaveScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(Server.RepositoryRoot, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"mi-declare-{name}.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    private static ILocator Bell(IPage page) => page.GetByRole(AriaRole.Button, new() { NameRegex = BellName() });

    [GeneratedRegex("^Notifications, ")]
    private static partial Regex BellName();
}
