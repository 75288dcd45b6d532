using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>Incident managers publish to the status page and plan maintenance; colleagues see it happen live.</summary>
public sealed class StatusPublishingTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task A_manager_publishes_an_update_from_the_incident_and_a_colleague_on_the_same_incident_sees_it_live() => Run(async () =>
    {
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var id = await reporter.ReportIncidentAsync($"Cannot reach mail over VPN {suffix}");

        var colleague = await SignedInPageAsync(DemoUsers.Admin);
        await colleague.GotoInteractiveAsync($"/incidents/{id}");
        await Expect(colleague.GetByText("Not on the public status page.")).ToBeVisibleAsync();

        var manager = await SignedInPageAsync(DemoUsers.Manager);
        await manager.GotoInteractiveAsync($"/incidents/{id}");
        await manager.Button("Publish to status page").ClickAsync();
        // The incident's own service is preselected; the manager adds Email as a major outage.
        await Expect(manager.GetByRole(AriaRole.Combobox, new() { Name = "Remote access (VPN)", Exact = true })).ToHaveValueAsync("Partial outage");
        await manager.ChooseAsync("Email and calendars", "Major outage");
        await manager.GetByLabel("Public message").FillAsync("");
        await manager.Button("Publish").ClickAsync();
        await Expect(manager.GetByText("Write the message the public will read.")).ToBeVisibleAsync();

        var title = $"Email and VPN trouble {suffix}";
        await manager.GetByLabel("Public title").FillAsync(title);
        await manager.Button("Use Investigating template").ClickAsync();
        var preview = manager.GetByRole(AriaRole.Region, new() { Name = "Preview" });
        await Expect(preview).ToContainTextAsync(title);
        await Expect(preview).ToContainTextAsync("Major outage");
        await manager.Button("Publish").ClickAsync();
        await Expect(manager.GetByRole(AriaRole.List, new() { Name = "Published updates" })).ToContainTextAsync("We are investigating reports of problems");

        await Expect(colleague.GetByRole(AriaRole.List, new() { Name = "Published updates" })).ToContainTextAsync("We are investigating reports of problems");
        await colleague.GotoInteractiveAsync("/admin/status-components");
        var emailRow = colleague.GetByRole(AriaRole.Row).Filter(new() { HasText = "Email and calendars" });
        await Expect(emailRow).ToContainTextAsync("Major outage");
    });

    [Fact]
    public Task Maintenance_starts_and_ends_on_schedule_and_the_page_follows_it_live() => Run(async () =>
    {
        var title = $"CRM restart {Guid.NewGuid().ToString("N")[..5]}";
        var manager = await SignedInPageAsync(DemoUsers.Manager);
        await manager.GotoInteractiveAsync("/status-admin/maintenance");
        await manager.Button("Schedule").ClickAsync();
        await Expect(manager.GetByText("Give the maintenance a title the public will understand.")).ToBeVisibleAsync();

        var now = DateTime.UtcNow;
        await manager.GetByLabel("Title").FillAsync(title);
        await manager.GetByLabel("What will happen").FillAsync("CRM restarts for a patch.");
        // The date and time pickers take typed values too: to the second, so the window runs while the test watches.
        var (starts, ends) = (now.AddSeconds(6), now.AddSeconds(14));
        await manager.GetByLabel("Start date (UTC)").FillAsync(starts.ToString("yyyy-MM-dd"));
        await manager.GetByLabel("Start time (UTC)").FillAsync(starts.ToString("HH:mm:ss"));
        await manager.GetByLabel("End date (UTC)").FillAsync(ends.ToString("yyyy-MM-dd"));
        await manager.GetByLabel("End time (UTC)").FillAsync(ends.ToString("HH:mm:ss"));
        await manager.GetByLabel("CRM", new() { Exact = true }).CheckAsync();
        await manager.Button("Schedule").ClickAsync();

        var window = manager.GetByRole(AriaRole.Listitem).Filter(new() { HasText = title });
        await Expect(window).ToContainTextAsync("Scheduled");
        await Expect(window).ToContainTextAsync("In progress", new() { Timeout = 20_000 });
        await Expect(window).ToContainTextAsync("Completed", new() { Timeout = 20_000 });
    });
}
