using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>
/// An agent whose zone is Paris types the ETA and a task's due time in Paris time; the timeline (written in UTC for
/// everyone) shows the UTC moment that was stored, and a time the clocks skip is refused at its field.
/// </summary>
public sealed class LocalTimeInputTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task An_agent_in_paris_types_the_eta_and_a_due_time_in_paris_time_and_utc_is_stored() => Run(async () =>
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var id = await reporter.ReportIncidentAsync($"Printer queue stuck {run}");
        var dana = await SignedInPageAsync(DemoUsers.Dana, timeZone: "Europe/Paris");
        await ChooseZoneAsync(dana, "Europe/Paris");
        try
        {
            await dana.GotoInteractiveAsync($"/incidents/{id}");

            await dana.Button("Set ETA").ClickAsync();
            await dana.GetByLabel("Expected resolution date (Europe/Paris)").FillAsync("2027-03-28");
            await dana.GetByLabel("Expected resolution time (Europe/Paris)").FillAsync("02:30");
            await dana.Button("Save ETA").ClickAsync();
            await Expect(dana.GetByRole(AriaRole.Alert).Filter(new() { HasText = "02:30 does not exist on Sun 28 Mar 2027" })).ToBeVisibleAsync();

            await dana.GetByLabel("Expected resolution date (Europe/Paris)").FillAsync("2027-01-15");
            await dana.GetByLabel("Expected resolution time (Europe/Paris)").FillAsync("10:00");
            await dana.Button("Save ETA").ClickAsync();
            await Expect(dana.GetByLabel("Current ETA")).ToContainTextAsync("Fri 15 Jan 2027, 10:00 UTC+1");
            await Expect(dana.Timeline()).ToContainTextAsync("Fri 15 Jan 2027, 09:00 UTC");

            await dana.Button("Add task").ClickAsync();
            var dialog = dana.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Task", new() { Exact = true }).FillAsync($"Replace the fuser {run}");
            await dialog.ChooseAsync("Team", "Security", dana);
            await dialog.GetByLabel("Due (Europe/Paris) (optional)").FillAsync("2027-01-15T18:30");
            await Expect(dialog.GetByText("UTC+1, that is Fri 15 Jan 2027, 17:30 UTC")).ToBeVisibleAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Add task", Exact = true }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(dana.Timeline()).ToContainTextAsync($"Task added: \"Replace the fuser {run}\"");
            await Expect(dana.Timeline()).ToContainTextAsync("Fri 15 Jan 2027, 17:30 UTC");
        }
        finally
        {
            await ChooseZoneAsync(dana, "UTC");                                 // the other tests read Dana in UTC
        }
    });

    private static async Task ChooseZoneAsync(IPage page, string zone)
    {
        await page.GotoAsync("/Account/Manage/TimeZone");
        await page.GetByLabel("Your time zone").SelectOptionAsync(zone);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save time zone" }).ClickAsync();
        await Expect(page.GetByText($"Times are now shown in {zone}.")).ToBeVisibleAsync();
    }
}
