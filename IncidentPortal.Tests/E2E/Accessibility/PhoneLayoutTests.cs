using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E.Accessibility;

/// <summary>
/// Defect 11 on a phone: the menu overlays the page (never squeezes it), My incidents neither scrolls sideways nor
/// cuts titles, and a dialog's backdrop covers, dims and blocks the whole page. Also the skip link (WCAG 2.4.1).
/// </summary>
public sealed class PhoneLayoutTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task On_a_phone_the_menu_overlays_the_page_instead_of_squeezing_it() => Run(async () =>
    {
        var page = await SignedInPageAsync(DemoUsers.Reporter, Phone, PortalPage.DarkTheme);
        await page.GotoInteractiveAsync("/incidents/mine");
        var heading = page.Heading("My incidents");
        await Expect(page.NavigationToggle()).ToHaveAttributeAsync("aria-expanded", "false");
        var before = await heading.BoundingBoxAsync();

        await page.NavigationToggle().ClickAsync();
        await Expect(page.NavLink("Report an incident")).ToBeInViewportAsync(new() { Ratio = 1 });

        // The page keeps its width and place under the menu, and what is under the menu is covered by it.
        var after = await heading.BoundingBoxAsync();
        Assert.Equal(before!.X, after!.X, 1);
        Assert.Equal(before.Width, after.Width, 1);
        Assert.False(await page.HasHorizontalScrollbarAsync());
        var covering = await page.EvaluateAsync<string>(
            "p => { const e = document.elementFromPoint(p[0], p[1]); return e.closest('.mud-drawer') ? 'drawer' : e.closest('.mud-overlay') ? 'overlay' : e.tagName; }",
            new double[] { after.X + 10, after.Y + (after.Height / 2) });
        Assert.Equal("drawer", covering);
    });

    [Fact]
    public Task My_incidents_on_a_phone_neither_scrolls_sideways_nor_cuts_titles() => Run(async () =>
    {
        var page = await SignedInPageAsync(DemoUsers.Reporter, Desktop);
        var title = $"Docking station on floor three no longer detects the second monitor since the update {Guid.NewGuid():N}";
        await page.ReportIncidentAsync(title);

        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await page.GotoInteractiveAsync("/incidents/mine");
        var link = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true });
        await Expect(link).ToBeVisibleAsync();

        Assert.False(await page.HasHorizontalScrollbarAsync());
        Assert.False(await page.EvaluateAsync<bool>(
            "() => [...document.querySelectorAll('.mud-table-container')].some(c => c.scrollWidth > c.clientWidth + 1)"),
            "The incident list scrolls sideways on a phone.");
        // The whole title is on screen: inside the viewport and not clipped by its cell.
        var box = await link.BoundingBoxAsync();
        Assert.True(box!.X >= 0 && box.X + box.Width <= Phone.Width, $"The title spans {box.X}..{box.X + box.Width}px of {Phone.Width}px.");
        Assert.True(await link.EvaluateAsync<bool>("a => a.scrollWidth <= a.clientWidth + 1 && a.closest('td').scrollWidth <= a.closest('td').clientWidth + 1"),
            "The title is cut off.");
    });

    [Theory]
    [InlineData(PortalPage.LightTheme)]
    [InlineData(PortalPage.DarkTheme)]
    public Task A_dialog_backdrop_covers_dims_and_blocks_the_whole_page(string theme) => Run(async () =>
    {
        // Demo incident 2: a long workspace with a bright major-incident card below the status actions.
        var page = await SignedInPageAsync(DemoUsers.Agent, Phone, theme);
        await page.GotoInteractiveAsync("/incidents/2");
        await page.Mouse.WheelAsync(0, 400);
        await page.Button("Cancel incident").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();

        // Every point of the screen belongs to the dialog or its backdrop: nothing below takes a click.
        var outside = await page.EvaluateAsync<string[]>("""
            () => {
                const misses = [];
                for (let x = 5; x < innerWidth; x += 60)
                    for (let y = 5; y < innerHeight; y += 60) {
                        const e = document.elementFromPoint(x, y);
                        if (!e || !e.closest('.mud-dialog-container')) misses.push(`${x},${y}: ${e ? e.tagName + '.' + e.className : 'nothing'}`);
                    }
                return misses;
            }
            """);
        Assert.Empty(outside);
        // And it dims the page clearly, in both themes.
        var alpha = await page.EvaluateAsync<double>(
            "() => { const c = getComputedStyle(document.querySelector('.mud-dialog-container .mud-overlay-scrim')).backgroundColor; const m = c.match(/rgba?\\(([^)]+)\\)/)[1].split(',').map(Number); return m.length > 3 ? m[3] : 1; }");
        Assert.True(alpha >= 0.6, $"The backdrop is only {alpha:P0} opaque.");
    }, theme);

    [Fact]
    public Task The_first_Tab_offers_a_skip_link_that_moves_focus_to_the_page_content() => Run(async () =>
    {
        var page = await SignedInPageAsync(DemoUsers.Agent, Desktop);
        await page.GotoInteractiveAsync("/queue");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content", Exact = true });
        await Expect(skip).Not.ToBeInViewportAsync();
        // It is the first Tab stop of the page (Blazor puts focus on the h1 after a navigation, so pressing Tab here
        // would start from there: the order itself is what is checked).
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>(
            "() => document.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])').textContent.trim()"));

        await skip.FocusAsync();
        await Expect(skip).ToBeInViewportAsync(new() { Ratio = 1 });

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#main-content")).ToBeFocusedAsync();
        Assert.Equal("/queue", page.PathOf());
        // The next Tab continues inside the page, not back in the header.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('main-content').contains(document.activeElement)"));
    });
}
