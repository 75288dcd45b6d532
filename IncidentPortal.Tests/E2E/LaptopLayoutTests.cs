using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>
/// A common laptop window (1280 × 800) with the navigation open: wide pages stay usable. Each test saves a PNG into
/// &lt;repo&gt;/screenshots/ (git-ignored) for people to look at.
/// </summary>
public sealed class LaptopLayoutTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    private static readonly ViewportSize Laptop = new() { Width = 1280, Height = 800 };

    [Fact]
    public Task The_queue_table_fits_its_card_with_only_Opened_and_Updated_giving_way() => Run(async () =>
    {
        // The newest incident first, with a title of one long word: the table must wrap it, not widen. Other tests
        // leave the demo incidents taken or reordered, so this one is where its Assign to me button is known.
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var title = "Laptop-layout-" + Guid.NewGuid().ToString("N") + "-unbroken-title-" + new string('w', 80);
        await reporter.ReportIncidentAsync(title);
        var page = await OpenAsync(DemoUsers.Agent, "/queue?sort=created", "Queue");
        await Expect(page.GetByText(title)).ToBeVisibleAsync();
        await CaptureAsync(page, "agent-queue-1280");

        await AssertNothingCutOffAsync(page);
        var table = page.GetByRole(AriaRole.Table, new() { Name = "All open incidents", Exact = true });
        await Expect(table.GetByRole(AriaRole.Button, new() { NameRegex = new("^Assign INC-\\d+ to me$") }).First).ToBeVisibleAsync();
        // The table's card is the element that would scroll sideways (MudTable's container around the table).
        var wrap = table.Locator("..");
        var card = (await wrap.BoundingBoxAsync())!;
        Assert.True(card.X + card.Width <= Laptop.Width, $"The table's card ends at {card.X + card.Width} px, past the window.");
        // Its scrollbar would be below the last row, out of sight: the table must fit without one.
        Assert.True(await wrap.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"), "The table is wider than its card.");
        var shown = new List<string>();
        foreach (var header in await page.GetByRole(AriaRole.Columnheader).AllAsync())
        {
            if (!await header.IsVisibleAsync()) continue;
            // Sortable columns carry an arrow icon: compare the words.
            shown.Add(System.Text.RegularExpressions.Regex.Replace(await header.InnerTextAsync(), @"[↑↓↕\s]+", " ").Trim().ToUpperInvariant());
            var box = (await header.BoundingBoxAsync())!;
            Assert.True(box.X >= card.X - 1 && box.X + box.Width <= card.X + card.Width + 1,
                $"Column {shown[^1]} spans {box.X}–{box.X + box.Width} px, outside the card ({card.X}–{card.X + card.Width} px).");
        }
        Assert.Equal(["SELECT", "PRIORITY", "REFERENCE", "TITLE AND SERVICE", "STATUS", "TEAM", "ASSIGNEE", "TIME TO BREACH", "ACTIONS"], shown);
        var assign = page.GetByRole(AriaRole.Row).Filter(new() { HasText = title })
            .GetByRole(AriaRole.Button, new() { NameRegex = new("^Assign INC-\\d+ to me$") });
        await Expect(assign).ToBeInViewportAsync();
    });

    [Fact]
    public Task With_rows_ticked_the_column_headers_stick_below_the_bulk_bar_not_under_it() => Run(async () =>
    {
        var page = await OpenAsync(DemoUsers.Agent, "/queue", "Queue");
        var boxes = page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new("^Select INC-\\d+$") });
        await boxes.Nth(0).CheckAsync();
        await boxes.Nth(1).CheckAsync();
        var bar = page.GetByRole(AriaRole.Region, new() { Name = "Selected incidents", Exact = true });
        await Expect(bar).ToContainTextAsync("2 selected");

        await page.Mouse.WheelAsync(0, 600);
        var header = page.GetByRole(AriaRole.Columnheader, new() { Name = "Title and service" });
        // Both stick under the app bar as the list scrolls; the headers must stay readable, just below the bar.
        LocatorBoundingBoxResult barBox = null!, headerBox = null!;
        for (var tries = 0; tries < 50; tries++)   // the scroll settles over a few frames
        {
            (barBox, headerBox) = ((await bar.BoundingBoxAsync())!, (await header.BoundingBoxAsync())!);
            if (barBox.Y < 100 && headerBox.Y >= barBox.Y + barBox.Height - 1) break;
            await Task.Delay(100);
        }
        Assert.True(barBox.Y < 100, $"The bar should stick near the top, it is at {barBox.Y} px.");
        Assert.InRange(headerBox.Y, barBox.Y + barBox.Height - 1, barBox.Y + barBox.Height + 20);
        await CaptureAsync(page, "agent-queue-bulk-bar-1280");
    });

    [Fact]
    public Task The_overdue_by_team_report_is_a_card_like_the_action_items_table() => Run(async () =>
    {
        var page = await OpenAsync(DemoUsers.Manager, "/action-items/all", "All action items");
        var report = page.GetByRole(AriaRole.Region, new() { Name = "Overdue by team", Exact = true });
        await Expect(report.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        var items = page.GetByRole(AriaRole.Table, new() { NameRegex = new("action items$") });
        await Expect(items).ToBeVisibleAsync();
        await CaptureAsync(page, "all-action-items-1280");

        await AssertNothingCutOffAsync(page);
        const string look = "e => { const s = getComputedStyle(e); return [s.borderTopWidth, s.borderTopStyle, s.borderTopColor, s.borderTopLeftRadius, s.backgroundColor].join(' '); }";
        var cardLook = await report.EvaluateAsync<string>(look);
        // The items table's card is the nearest wrapper that draws a border (MudTable nests the table in a scroll container).
        Assert.Equal(await items.EvaluateAsync<string>($$"""
            t => { let e = t.parentElement; while (e && parseFloat(getComputedStyle(e).borderTopWidth) === 0) e = e.parentElement; return ({{look}})(e); }
            """), cardLook);
        Assert.DoesNotContain("0px none", cardLook);
        Assert.True(await report.EvaluateAsync<bool>("e => parseFloat(getComputedStyle(e).paddingLeft) > 0"), "The card's content touches its border.");
    });

    private async Task<IPage> OpenAsync(PortalUser user, string path, string heading)
    {
        var page = await SignedInPageAsync(user, Laptop);
        await page.GotoInteractiveAsync(path);
        await Expect(page.Heading(heading)).ToBeVisibleAsync();
        await Expect(page.NavLink("Queue")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Neither the window nor the layout's body scrolls sideways: what does not fit must scroll where it is.</summary>
    private static async Task AssertNothingCutOffAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<string>("""
            () => [document.documentElement, document.body, document.querySelector('.rz-body'), document.querySelector('.app-main')]
                .filter(e => e && e.scrollWidth > e.clientWidth + 1)
                .map(e => `${e.tagName.toLowerCase()}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}`).join('; ')
            """);
        Assert.True(overflow == "", "Wider than the window: " + overflow);
    }

    private async Task CaptureAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))");
        var folder = Path.Combine(Server.RepositoryRoot, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), Animations = ScreenshotAnimations.Disabled });
    }
}
