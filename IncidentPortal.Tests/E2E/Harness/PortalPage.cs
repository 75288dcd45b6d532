using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E.Harness;

/// <summary>How the tests see the portal: by role, label and text, the way a user (or a screen reader) does.</summary>
public static class PortalPage
{
    public const string LightThemeCss = "material-base.css";
    public const string DarkThemeCss = "material-dark-base.css";
    public const string ThemeCookie = "IncidentPortal.Theme";

    /// <summary>
    /// Waits until the page's Blazor Server circuit is live and has rendered. Three signals, all from the page:
    /// <list type="number">
    /// <item>blazor.web.js has loaded (<c>window.Blazor</c>);</item>
    /// <item>the reconnect banner is not in a disconnected state (class components-reconnect-show/-failed/-rejected);</item>
    /// <item>some element carries a <c>_bl_…</c> attribute. Blazor's browser-side renderer writes that attribute for
    /// every element a component captures with <c>@ref</c> (the Radzen layout does); server prerendering never does.
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

    /// <summary>The side navigation (RadzenSidebar aria-label="Main navigation").</summary>
    public static ILocator Navigation(this IPage page) => page.GetByLabel("Main navigation", new() { Exact = true });

    public static ILocator NavLink(this IPage page, string name) =>
        page.Navigation().GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public static ILocator NavigationToggle(this IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Show or hide navigation", Exact = true });

    /// <summary>
    /// The header's appearance toggle. Matched as "contains 'dark mode'", because Radzen 12.0.8's
    /// RadzenAppearanceToggle drops the aria-label the layout gives it and the name comes from the title
    /// ("Switch between light and dark mode"); see the report.
    /// </summary>
    public static ILocator DarkModeToggle(this IPage page) =>
        page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("dark mode", RegexOptions.IgnoreCase) });

    public static ILocator SignOutButton(this IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true });

    /// <summary>The header link to /Account/Manage, named after the signed-in user.</summary>
    public static ILocator AccountLink(this IPage page, string displayName) =>
        page.GetByRole(AriaRole.Link, new() { Name = displayName, Exact = true });

    public static ILocator ReconnectBanner(this IPage page) => page.GetByText("Connection to the server lost");

    /// <summary>The Radzen theme stylesheet (id set by RadzenTheme).</summary>
    public static ILocator ThemeLink(this IPage page) => page.Locator("link#radzen-theme-link");

    public static Task ExpectThemeAsync(this IPage page, bool dark) =>
        Expect(page.ThemeLink()).ToHaveAttributeAsync("href",
            new Regex("/" + Regex.Escape(dark ? DarkThemeCss : LightThemeCss) + @"(\?|$)"));

    /// <summary>Clicks the appearance toggle and waits for the stylesheet to switch: proof the circuit handles events.</summary>
    public static async Task ToggleThemeAsync(this IPage page)
    {
        var wasDark = (await page.ThemeLink().GetAttributeAsync("href"))!.Contains(DarkThemeCss, StringComparison.Ordinal);
        await page.DarkModeToggle().ClickAsync();
        await page.ExpectThemeAsync(dark: !wasDark);
    }

    /// <summary>
    /// Waits until the theme cookie holds <paramref name="theme"/>. Radzen's CookieThemeService writes it through a
    /// JS-interop call of its own, not necessarily before the stylesheet switches: reloading without this wait races it.
    /// </summary>
    public static Task WaitForThemeCookieAsync(this IPage page, string theme) =>
        page.WaitForFunctionAsync("cookie => document.cookie.split('; ').includes(cookie)", $"{ThemeCookie}={theme}",
            new() { PollingInterval = 50 });

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
