using System.Text.RegularExpressions;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>The shell on a phone: nothing wider than the screen, and the navigation reachable through its toggle.</summary>
public sealed class ShellTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task On_a_phone_the_sign_in_and_register_pages_fit_the_screen() => Run(async () =>
    {
        var page = await NewPageAsync(Phone);

        await page.GotoAsync("/Account/Login");
        await Expect(page.Heading("Sign in")).ToBeVisibleAsync();
        await AssertFitsTheScreenAsync(page);
        await Expect(page.GetByLabel("Email", new() { Exact = true })).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeInViewportAsync(new() { Ratio = 1 });

        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account", Exact = true }).ClickAsync();
        await Expect(page.Heading("Create an account")).ToBeVisibleAsync();
        await AssertFitsTheScreenAsync(page);
        await Expect(page.GetByLabel("Confirm password", new() { Exact = true })).ToBeInViewportAsync(new() { Ratio = 1 });
    });

    [Fact]
    public Task On_a_phone_the_signed_in_shell_fits_the_screen_and_the_navigation_opens_from_its_toggle() => Run(async () =>
    {
        var page = await SignedInPageAsync(DemoUsers.Agent, Phone);
        await page.GotoInteractiveAsync("/queue");
        await Expect(page.Heading("Queue")).ToBeVisibleAsync();
        await AssertFitsTheScreenAsync(page);

        // On a phone the navigation starts folded away; the toggle is in the header, on screen.
        var myIncidents = page.NavLink("My incidents");
        await Expect(myIncidents).Not.ToBeInViewportAsync(new() { Ratio = 0.5f });
        var toggle = page.NavigationToggle();
        await Expect(toggle).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(toggle).ToBeEnabledAsync();
        // The toggle says so too, once the shell has learnt the screen is narrow (until then a click would fold
        // the navigation that is already folded).
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");

        await toggle.ClickAsync();
        await Expect(myIncidents).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(page.NavLink("Queue")).ToBeInViewportAsync(new() { Ratio = 1 });
        await AssertFitsTheScreenAsync(page);

        // The opened navigation works.
        await myIncidents.ClickAsync();
        await page.WaitForURLAsync("**/incidents/mine");
        await Expect(page.Heading("My incidents")).ToBeVisibleAsync();
        await AssertFitsTheScreenAsync(page);
        // Having chosen a page, the navigation folds away again and marks the page it leads to as the current one.
        await Expect(myIncidents).Not.ToBeInViewportAsync(new() { Ratio = 0.5f });
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(myIncidents).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.NavLink("Queue")).Not.ToHaveAttributeAsync("aria-current", "page");
    });

    [Fact]
    public Task On_a_phone_the_reporters_form_fits_the_screen() => Run(async () =>
    {
        var page = await SignedInPageAsync(DemoUsers.Reporter, Phone);
        await page.GotoInteractiveAsync("/incidents/new");
        await Expect(page.Heading("Report an incident")).ToBeVisibleAsync();
        await AssertFitsTheScreenAsync(page);
        await Expect(page.NavigationToggle()).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(page.SignOutButton()).ToBeInViewportAsync(new() { Ratio = 1 });
    });

    public static TheoryData<string, string, string> GridColumns => new()
    {
        // user, page, a column without a fixed width (the queue is a table of its own that turns into cards on phones)
        { DemoUsers.Admin.Email, "/admin/users", "Name" },
        { DemoUsers.Admin.Email, "/admin/users", "Email" },
    };

    [Theory]
    [MemberData(nameof(GridColumns))]
    public Task On_a_phone_grid_columns_without_a_fixed_width_stay_readable(string email, string path, string column) => Run(async () =>
    {
        var page = await SignedInPageAsync(DemoUsers.ByEmail(email), Phone);
        await page.GotoInteractiveAsync(path);
        // At phone width the grid lays each row out as a card of labelled cells instead of squeezing columns.
        var cell = page.Locator($"td[data-label='{column}']").First;
        await Expect(cell).ToBeVisibleAsync();
        var box = await cell.BoundingBoxAsync();
        Assert.True(box is { Width: >= 100 }, $"On {path} at {Phone.Width}px the {column} column is {box?.Width ?? 0}px wide.");
    }, variant: column);

    [Fact]
    public Task The_theme_menu_is_named_and_offers_device_light_and_dark() => Run(async () =>
    {
        var page = await SignedInPageAsync(DemoUsers.Reporter);
        await page.GotoInteractiveAsync("/incidents/new");
        await page.ThemeMenuButton().ClickAsync();
        foreach (var choice in new[] { "Match device", "Light", "Dark" })
        {
            await Expect(page.GetByRole(AriaRole.Menuitemradio, new() { Name = choice, Exact = true })).ToBeVisibleAsync();
        }
        await Expect(page.GetByRole(AriaRole.Menuitemradio, new() { Name = "Match device", Exact = true }))
            .ToHaveAttributeAsync("aria-checked", "true");
        await page.Keyboard.PressAsync("Escape");
    });

    private static async Task AssertFitsTheScreenAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, innerWidth) = (widths[0], widths[1]);
        Assert.Equal(Phone.Width, innerWidth);
        Assert.True(scrollWidth <= innerWidth,
            $"{page.PathOf()} scrolls sideways on a {innerWidth}px wide screen: the document is {scrollWidth}px wide.");
    }
}
