using System.Globalization;
using System.Text.RegularExpressions;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>
/// Reports as a manager uses them: change the range and a filter, drill down from a bar to the queue showing exactly
/// the incidents it counted, download them as CSV; a reporter never reaches the page.
/// </summary>
public sealed class ReportsTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task A_manager_narrows_the_report_drills_down_from_a_bar_to_exactly_its_incidents_and_downloads_them() => Run(async () =>
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var first = await reporter.ReportIncidentAsync($"Report drill {run} VPN drops");
        var second = await reporter.ReportIncidentAsync($"Report drill {run} VPN slow");
        var references = new[] { first, second }.Select(id => $"INC-{id:D6}").ToList();

        var manager = await SignedInPageAsync(DemoUsers.Manager);
        await manager.GotoInteractiveAsync("/reports");
        await Expect(manager.Heading("Reports")).ToBeVisibleAsync();
        await manager.ChooseAsync("Range", "Last 7 days");
        await manager.WaitForURLAsync(new Regex("range=last7"));
        await manager.ChooseAsync("Source", "Self-service");
        await manager.WaitForURLAsync(new Regex("source=self-service"));
        await manager.ChooseAsync("Service", "VPN");
        await manager.WaitForURLAsync(new Regex("service=\\d+"));

        // Today's "Created" bar: its name says how many it counted (the two reported above at least).
        var today = DateTime.UtcNow.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
        var chart = manager.GetByRole(AriaRole.Group, new() { Name = "Created and resolved per day" });
        // Each bar links to what it counted: waiting for a link that carries the service filter waits out the figures of
        // the previous filters, which stay on screen until the new ones arrive.
        var bar = chart.Locator("a[href*='service%3D']")
            .And(chart.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^Created, {today}: \\d+ incidents?$") }));
        await Expect(bar).ToBeVisibleAsync();
        var counted = int.Parse(Regex.Match(await bar.GetAttributeAsync("aria-label") ?? "", @": (\d+) incident").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(counted >= 2, $"Today's bar counted {counted}.");

        await bar.ClickAsync();

        await manager.WaitForURLAsync(new Regex("/queue\\?.*slice=created"));
        var banner = manager.GetByRole(AriaRole.Region, new() { Name = "From Reports" });
        await Expect(banner).ToContainTextAsync($"Created on {today}");
        await Expect(banner).ToContainTextAsync("VPN");
        await Expect(banner).ToContainTextAsync($"{counted} incident{(counted == 1 ? "" : "s")}");
        var table = manager.GetByRole(AriaRole.Table, new() { Name = "Incidents from Reports" });
        await Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(Math.Min(counted, 25) + 1);
        foreach (var reference in references) await Expect(table.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true })).ToBeVisibleAsync();

        // The queue's search works on that list: exactly this run's two.
        await manager.GetByLabel("Search").FillAsync(run);
        await manager.WaitForURLAsync(new Regex($"q={run}"));
        await Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        var shown = await table.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^INC-\\d{6}$") }).AllTextContentsAsync();
        Assert.Equal(references.Order(), shown.Select(s => s.Trim()).Order());

        var download = await manager.RunAndWaitForDownloadAsync(() =>
            manager.GetByRole(AriaRole.Link, new() { Name = "Export CSV", Exact = true }).ClickAsync());
        var path = await download.PathAsync();
        // A byte order mark, so spreadsheet programs read the file as UTF-8 (ReadAllLines drops it).
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, (await File.ReadAllBytesAsync(path))[..3]);
        var csv = await File.ReadAllLinesAsync(path);
        Assert.StartsWith("Reference,Title", csv[0], StringComparison.Ordinal);
        Assert.Equal(references.Order(), csv.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]).Order());
        Assert.All(csv.Skip(1).Where(l => l.Length > 0), l => Assert.Contains($"Report drill {run}", l, StringComparison.Ordinal));

        await banner.GetByRole(AriaRole.Link, new() { Name = "Back to the report" }).ClickAsync();
        await manager.WaitForURLAsync(new Regex("/reports\\?.*source=self-service"));
        await Expect(manager.GetByRole(AriaRole.Combobox, new() { Name = "Source", Exact = true })).ToHaveValueAsync("Self-service");
    });

    [Fact]
    public Task A_reporter_is_not_offered_reports_and_cannot_open_them() => Run(async () =>
    {
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        await reporter.GotoInteractiveAsync("/incidents/new");
        await Expect(reporter.NavLink("Reports")).ToHaveCountAsync(0);

        await reporter.GotoAsync("/reports");

        await Expect(reporter.Heading("You don't have access to this page")).ToBeVisibleAsync();
    });
}
