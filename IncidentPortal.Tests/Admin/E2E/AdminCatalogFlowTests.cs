using IncidentPortal.Tests.Admin.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.Admin.E2E;

/// <summary>An admin sets up a team and a service in the browser; a reporter, elsewhere, can then report against it.</summary>
public sealed class AdminCatalogFlowTests(AdminE2EServer server, AdminBrowser browser, ITestOutputHelper output)
    : IClassFixture<AdminE2EServer>, IClassFixture<AdminBrowser>
{
    [Fact]
    public async Task An_admin_creates_a_team_with_a_member_and_a_service_that_a_reporter_then_sees_on_the_report_form()
    {
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var teamName = $"Print Room {suffix}";
        var serviceName = $"Plotters {suffix}";
        var admin = await NewPageAsync();
        var reporter = await NewPageAsync();
        try
        {
            await reporter.SignInAsync(DemoUsers.Reporter, DemoUsers.Password);
            await reporter.GotoInteractiveAsync("/incidents/new");
            var serviceSelect = reporter.GetByLabel("Which service is affected?", new() { Exact = true });
            await Expect(serviceSelect.Locator("option", new() { HasText = "VPN" })).ToHaveCountAsync(1);
            await Expect(serviceSelect.Locator("option", new() { HasText = serviceName })).ToHaveCountAsync(0);

            // The admin creates the team; the members panel opens for it.
            await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
            await admin.GotoInteractiveAsync("/admin/teams");
            await admin.GetByRole(AriaRole.Button, new() { Name = "New team", Exact = true }).ClickAsync();
            await admin.GetByLabel("Name", new() { Exact = true }).FillAsync(teamName);
            await admin.GetByLabel("Description (optional)").FillAsync("Large-format printers and plotters.");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Create team", Exact = true }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = $"Members of {teamName}" })).ToBeVisibleAsync();

            // ...adds Alex Agent, whose roles the list then shows.
            await admin.GetByLabel("Add a member").SelectOptionAsync(new SelectOptionValue { Label = "Alex Agent (Agent)" });
            await admin.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            var members = admin.GetByRole(AriaRole.List, new() { Name = $"Members of {teamName}" });
            await Expect(members.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
            await Expect(members).ToContainTextAsync("Alex Agent");
            await Expect(members).ToContainTextAsync(DemoUsers.Agent);
            await Expect(members).ToContainTextAsync("Agent");
            await Expect(admin.GetByRole(AriaRole.Button, new() { Name = $"Remove Alex Agent from {teamName}" })).ToBeVisibleAsync();
            // The grid's member count follows (columns while the panel is open: name, members, open incidents, actions).
            var teamRow = admin.Locator("tr").Filter(new() { HasText = teamName });
            await Expect(teamRow.Locator("td").Nth(1)).ToHaveTextAsync("1");

            // The admin adds a service that the new team supports.
            await admin.GotoInteractiveAsync("/admin/services");
            await admin.GetByRole(AriaRole.Button, new() { Name = "New service", Exact = true }).ClickAsync();
            await admin.GetByLabel("Name", new() { Exact = true }).FillAsync(serviceName);
            await admin.GetByLabel("Description (optional)").FillAsync("Wide-format printing for the drawing office.");
            await admin.GetByLabel("Support team").SelectOptionAsync(new SelectOptionValue { Label = teamName });
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
            await Expect(reporter.GetByRole(AriaRole.Status)).ToContainTextAsync("has been logged");
        }
        catch
        {
            await ReportFailureAsync(admin, reporter);
            throw;
        }
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = server.BaseUrl, ViewportSize = new() { Width = 1366, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private async Task ReportFailureAsync(params IPage[] pages)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < pages.Length; i++)
        {
            var file = Path.Combine(folder, $"{nameof(AdminCatalogFlowTests)}-{i + 1}.png");
            try { await pages[i].ScreenshotAsync(new() { Path = file, FullPage = true }); output.WriteLine($"page {i + 1}: {pages[i].Url} -> {file}"); }
            catch (PlaywrightException e) { output.WriteLine($"page {i + 1}: no screenshot ({e.Message})"); }
        }
        output.WriteLine("--- server output");
        output.WriteLine(server.RecentOutput());
    }
}
