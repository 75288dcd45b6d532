using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E.Harness;

/// <summary>How the tests see the portal: by role, label and text, the way a user (or a screen reader) does.</summary>
public static class PortalPage
{
    public const string ThemeCookie = "IncidentPortal.Theme";
    public const string LightTheme = "light";
    public const string DarkTheme = "dark";

    /// <summary>
    /// Waits until the page's Blazor Server circuit is live and has rendered. Three signals, all from the page:
    /// <list type="number">
    /// <item>blazor.web.js has loaded (<c>window.Blazor</c>);</item>
    /// <item>the reconnect banner is not in a disconnected state (class components-reconnect-show/-failed/-rejected);</item>
    /// <item>some element carries a <c>_bl_…</c> attribute. Blazor's browser-side renderer writes that attribute for
    /// every element a component captures with <c>@ref</c> (MudBlazor's layout does); server prerendering never does.
    /// It appears in the same render batch that attaches the event handlers, so from then on clicks reach the
    /// circuit.</item>
    /// </list>
    /// Tests that depend on interactivity still prove it by an interaction with a visible effect (see <see cref="ToggleThemeAsync"/>).
    /// </summary>
    public static async Task WaitForInteractiveAsync(this IPage page)
    {
        await page.WaitForFunctionAsync("""
            () => {
                if (window.Blazor === undefined) return false;
                const modal = document.getElementById('components-reconnect-modal');
                if (modal && /components-reconnect-(show|failed|rejected)/.test(modal.className)) return false;
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
                for (let node = walker.nextNode(); node; node = walker.nextNode())
                    for (const attribute of node.attributes)
                        if (attribute.name.startsWith('_bl_')) return true;
                return false;
            }
            """, null, new() { PollingInterval = 100 });
    }

    /// <summary>Opens a page of the interactive shell and waits for its circuit.</summary>
    public static async Task GotoInteractiveAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    public static ILocator Heading(this IPage page, string name) =>
        page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true, Level = 1 });

    /// <summary>The side navigation (MudNavMenu aria-label="Main navigation").</summary>
    public static ILocator Navigation(this IPage page) => page.GetByLabel("Main navigation", new() { Exact = true });

    public static ILocator NavLink(this IPage page, string name) =>
        page.Navigation().GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public static ILocator NavigationToggle(this IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Show or hide navigation", Exact = true });

    /// <summary>The header's theme menu button (Match device, Light, Dark).</summary>
    public static ILocator ThemeMenuButton(this IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Theme", Exact = true });

    public static ILocator SignOutButton(this IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true });

    /// <summary>The header link to /Account/Manage, named after the signed-in user.</summary>
    public static ILocator AccountLink(this IPage page, string displayName) =>
        page.GetByRole(AriaRole.Link, new() { Name = displayName, Exact = true });

    public static ILocator ReconnectBanner(this IPage page) => page.GetByText("Connection to the server lost");

    /// <summary>
    /// Light or dark, as the user sees it: the shell's data-theme marker (the html element on static pages, the
    /// MudBlazor layout once interactive) and the page's actual background colour.
    /// </summary>
    public static async Task ExpectThemeAsync(this IPage page, bool dark)
    {
        await Expect(page.Locator("[data-theme]").Last).ToHaveAttributeAsync("data-theme", dark ? DarkTheme : LightTheme);
        await page.WaitForFunctionAsync("""
            dark => {
                const target = document.body;
                const [r, g, b] = getComputedStyle(target).backgroundColor.match(/\d+/g).map(Number);
                const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
                return dark ? luminance < 0.35 : luminance > 0.65;
            }
            """, dark, new() { PollingInterval = 100 });
    }

    /// <summary>Picks the other theme from the header's menu and waits for it: proof the circuit handles events.</summary>
    public static async Task ToggleThemeAsync(this IPage page)
    {
        var wasDark = await page.Locator("[data-theme]").Last.GetAttributeAsync("data-theme") == DarkTheme;
        await page.ChooseThemeAsync(wasDark ? "Light" : "Dark");
        await page.ExpectThemeAsync(dark: !wasDark);
    }

    /// <summary>Opens the theme menu and picks "Match device", "Light" or "Dark".</summary>
    public static async Task ChooseThemeAsync(this IPage page, string choice)
    {
        await page.ThemeMenuButton().ClickAsync();
        await page.GetByRole(AriaRole.Menuitemradio, new() { Name = choice, Exact = true }).ClickAsync();
    }

    /// <summary>Waits until the theme cookie holds <paramref name="theme"/> (written by the shell through JS interop).</summary>
    public static Task WaitForThemeCookieAsync(this IPage page, string theme) =>
        page.WaitForFunctionAsync("cookie => document.cookie.split('; ').includes(cookie)", $"{ThemeCookie}={theme}",
            new() { PollingInterval = 50 });

    /// <summary>
    /// Picks <paramref name="option"/> in the drop-down labelled <paramref name="label"/> (a MudSelect: a combobox
    /// whose options open in a listbox), the way a user does: open it, click the option.
    /// </summary>
    public static Task ChooseAsync(this IPage page, string label, string option) =>
        page.Locator("body").ChooseAsync(label, option, page);

    /// <summary>As <see cref="ChooseAsync(IPage, string, string)"/>, for a drop-down inside <paramref name="scope"/>.</summary>
    public static async Task ChooseAsync(this ILocator scope, string label, string option, IPage page)
    {
        await scope.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true }).ClickAsync();
        // The options open in MudBlazor's popover layer at the end of the page, not inside the scope; only the open
        // listbox's, not the options of a native <select> elsewhere on the page.
        var choice = page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option, new() { Name = option, Exact = true });
        await choice.ClickAsync();
        try
        {
            await Expect(choice).ToBeHiddenAsync(new() { Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            // On a loaded machine the option's click can be taken while the list is still opening, leaving it open
            // with the value chosen; Escape closes the list without changing the choice.
            await page.Keyboard.PressAsync("Escape");
            await Expect(choice).ToBeHiddenAsync();
        }
    }

    public static string PathOf(this IPage page) => new Uri(page.Url).AbsolutePath;

    public static async Task<bool> HasHorizontalScrollbarAsync(this IPage page) =>
        await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");

    /// <summary>Fills and submits the sign-in form; does not wait for the outcome.</summary>
    public static async Task SubmitSignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>Signs in through the form and waits until the browser has left the sign-in page.</summary>
    public static async Task SignInAsync(this IPage page, PortalUser user)
    {
        await page.SubmitSignInAsync(user.Email, user.Password);
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Fills and submits the registration form; does not wait for the outcome.</summary>
    public static async Task SubmitRegistrationAsync(this IPage page, PortalUser user, string? confirmPassword = null)
    {
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("Your name", new() { Exact = true }).FillAsync(user.DisplayName);
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(user.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(user.Password);
        await page.GetByLabel("Confirm password", new() { Exact = true }).FillAsync(confirmPassword ?? user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account", Exact = true }).ClickAsync();
    }
}
