using Microsoft.Playwright;

namespace IncidentPortal.Tests.Admin.E2E;

/// <summary>Debian's Chromium through Playwright (PLATFORM.md), one per test class; each test opens its own contexts.</summary>
public sealed class AdminBrowser : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
    }
}

public static class AdminPageExtensions
{
    /// <summary>
    /// Waits until the Blazor circuit has rendered: the client script has loaded and some element carries a
    /// <c>_bl_</c> attribute, which only the browser-side renderer writes (prerendered HTML never has it).
    /// </summary>
    public static Task WaitForInteractiveAsync(this IPage page) => page.WaitForFunctionAsync("""
        () => window.Blazor !== undefined && [...document.querySelectorAll('*')].some(e => [...e.attributes].some(a => a.name.startsWith('_bl_')))
        """, null, new() { PollingInterval = 50 });

    public static async Task GotoInteractiveAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase));
    }
}
