using System.Text.RegularExpressions;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>The agents' queue: live updates from another user's report, filters kept, Assign to me, sorting, phones.</summary>
public sealed class QueueTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task A_reported_incident_appears_live_and_highlighted_in_the_filtered_queue_and_Assign_to_me_moves_it_into_My_work() => Run(async () =>
    {
        var agent = await SignedInPageAsync(DemoUsers.Agent);
        // Priority P3 only, newest first: the agent's filters, which live updates must keep.
        await agent.GotoInteractiveAsync("/queue?priority=P3&sort=created");
        var allOpenBefore = await CountAsync(agent, "All open");
        var myWorkBefore = await CountAsync(agent, "My work");
        await agent.EvaluateAsync("() => window.queueTestMarker = 'not reloaded'");

        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var p3Title = "Queue live test: VPN token rejected " + Guid.NewGuid().ToString("N")[..8];
        var p3 = await ReportAsync(reporter, p3Title, "I cannot work at all");

        var row = Row(agent, p3Title);
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToHaveClassAsync(new Regex(@"\bqueue-row-changed\b"));
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = p3, Exact = true })).ToHaveAttributeAsync("href", new Regex(@"^incidents/\d+$"));
        await ExpectCountAsync(agent, "All open", allOpenBefore + 1);
        Assert.Equal("not reloaded", await agent.EvaluateAsync<string>("() => window.queueTestMarker"));
        await Expect(agent.GetByLabel("Priority", new() { Exact = true })).ToHaveValueAsync("P3");
        Assert.Contains("priority=P3", agent.Url);
        // Newest first: the new incident leads the list.
        await Expect(agent.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync(p3Title);

        // An incident outside the filter changes the counts but not the list.
        var p5Title = "Queue live test: slow printer " + Guid.NewGuid().ToString("N")[..8];
        await ReportAsync(reporter, p5Title, "It can wait, or I have a workaround");
        await ExpectCountAsync(agent, "All open", allOpenBefore + 2);
        await Expect(Row(agent, p5Title)).ToHaveCountAsync(0);

        await agent.GetByRole(AriaRole.Button, new() { Name = $"Assign {p3} to me", Exact = true }).ClickAsync();
        await Expect(agent.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{p3} is now assigned to you." })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "You", Exact = true })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Assign ") })).ToHaveCountAsync(0);
        await ExpectCountAsync(agent, "My work", myWorkBefore + 1);

        await ViewTab(agent, "My work").ClickAsync();
        // The tab moves the address in the page (history.pushState): poll it rather than wait for a load.
        await Expect(agent).ToHaveURLAsync(new Regex(@"view=my-work"));
        await Expect(Row(agent, p3Title)).ToBeVisibleAsync();
        await Expect(ViewTab(agent, "My work")).ToHaveAttributeAsync("aria-selected", "true");

        // Search by reference narrows the list to that incident; the search is in the address too.
        await agent.GetByLabel("Search", new() { Exact = true }).FillAsync(p3);
        await agent.WaitForURLAsync(new Regex("q=" + p3));
        await Expect(agent.GetByRole(AriaRole.Row)).ToHaveCountAsync(2); // header + the incident
        await Expect(Row(agent, p3Title)).ToBeVisibleAsync();
    });

    [Fact]
    public Task Column_headers_sort_the_queue_and_say_how() => Run(async () =>
    {
        var agent = await SignedInPageAsync(DemoUsers.Agent);
        await agent.GotoInteractiveAsync("/queue");
        var priorityHeader = agent.GetByRole(AriaRole.Columnheader, new() { NameRegex = new Regex("^Priority") });
        await Expect(priorityHeader).ToHaveAttributeAsync("aria-sort", "ascending");

        var referenceHeader = agent.GetByRole(AriaRole.Columnheader, new() { NameRegex = new Regex("^Reference") });
        await referenceHeader.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(referenceHeader).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(priorityHeader).Not.ToHaveAttributeAsync("aria-sort", new Regex("."));
        Assert.Contains("sort=reference", agent.Url);
        var descending = await ReferencesAsync(agent);
        Assert.True(descending.Count > 1, "The demo queue should hold several incidents.");
        Assert.Equal(descending.OrderByDescending(n => n), descending);

        await referenceHeader.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(referenceHeader).ToHaveAttributeAsync("aria-sort", "ascending");
        var ascending = await ReferencesAsync(agent);
        Assert.Equal(ascending.Order(), ascending);
        await Expect(agent.GetByLabel("Sort by", new() { Exact = true })).ToHaveValueAsync("Reference, lowest first");
    });

    [Fact]
    public Task On_a_phone_the_queue_fits_the_screen_and_rows_can_be_taken() => Run(async () =>
    {
        var agent = await SignedInPageAsync(DemoUsers.Agent, Phone);
        await agent.GotoInteractiveAsync("/queue?view=unassigned");
        await Expect(agent.Heading("Queue")).ToBeVisibleAsync();
        await Expect(agent.GetByLabel("Search", new() { Exact = true })).ToBeVisibleAsync();

        // The selects fold away behind one button on a phone.
        var priority = agent.GetByLabel("Priority", new() { Exact = true });
        await Expect(priority).ToBeHiddenAsync();
        var toggle = agent.GetByRole(AriaRole.Button, new() { Name = "Filters and sort", Exact = true });
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(priority).ToBeVisibleAsync();
        await agent.ChooseAsync("Priority", "P5");
        await agent.WaitForURLAsync(new Regex("priority=P5"));
        await Expect(agent.GetByRole(AriaRole.Button, new() { Name = "Filters and sort (1 active)", Exact = true })).ToBeVisibleAsync();
        await agent.GotoInteractiveAsync("/queue?view=unassigned");

        Assert.False(await agent.HasHorizontalScrollbarAsync(), "The queue scrolls sideways on a phone.");
        var take = agent.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Assign INC-\d{6} to me$") }).First;
        await take.ScrollIntoViewIfNeededAsync();
        var box = await take.BoundingBoxAsync();
        Assert.True(box is { X: >= 0 } && box.X + box.Width <= Phone.Width, $"The Assign button is off screen: {box?.X}+{box?.Width}.");
    });

    private static ILocator Row(IPage page, string title) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = title });

    /// <summary>A view's tab, named "My work, 3 open" (its count of open incidents).</summary>
    private static ILocator ViewTab(IPage page, string view) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Queue views" }).GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^" + view + ",") });

    private static Regex CountName(string view, string count) => new("^" + view + @",\s*" + count + " open$");

    private static async Task<int> CountAsync(IPage page, string view)
    {
        var tab = ViewTab(page, view);
        await Expect(tab).ToHaveAccessibleNameAsync(CountName(view, @"[\d,]+"));
        var name = await tab.EvaluateAsync<string>("e => e.textContent");
        return int.Parse(Regex.Match(name, @"([\d,]+)\s*open").Groups[1].Value.Replace(",", ""));
    }

    private static Task ExpectCountAsync(IPage page, string view, int count) =>
        Expect(ViewTab(page, view)).ToHaveAccessibleNameAsync(CountName(view, Regex.Escape(count.ToString("N0"))));

    private static async Task<List<int>> ReferencesAsync(IPage page) =>
        (await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^INC-\d{6}$") }).AllInnerTextsAsync())
        .Select(r => int.Parse(r["INC-".Length..])).ToList();

    /// <summary>Files an incident through the report form as the reporter would; returns its reference.</summary>
    private static async Task<string> ReportAsync(IPage reporter, string title, string urgency)
    {
        if (reporter.PathOf() != "/incidents/new") await reporter.GotoInteractiveAsync("/incidents/new");
        await reporter.GetByLabel("What is wrong?", new() { Exact = true }).FillAsync(title);
        await reporter.ChooseAsync("Which service is affected?", "VPN");
        await reporter.GetByLabel("Only me", new() { Exact = true }).CheckAsync();
        await reporter.GetByLabel(urgency, new() { Exact = true }).CheckAsync();
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Report incident", Exact = true }).ClickAsync();
        var done = reporter.GetByText(new Regex(@"your incident INC-\d{6} has been logged"));
        await Expect(done).ToBeVisibleAsync();
        return Regex.Match(await done.InnerTextAsync(), @"INC-\d{6}").Value;
    }
}
