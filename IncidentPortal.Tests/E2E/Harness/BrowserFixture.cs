using Microsoft.Playwright;

namespace IncidentPortal.Tests.E2E.Harness;

/// <summary>
/// One headless Chromium for the whole E2E collection; every test opens its own fresh browser contexts.
/// Debian's Chromium is used (Playwright cannot download browsers here; see PLATFORM.md). PLAYWRIGHT_CHROMIUM_PATH
/// overrides the path; when neither exists, Playwright's own downloaded Chromium is tried.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>Default for actions, navigations and web-first assertions.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public IPlaywright Playwright { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout((float)DefaultTimeout.TotalMilliseconds);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var executable = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_PATH") is { Length: > 0 } configured
            ? configured
            : File.Exists(DefaultChromium) ? DefaultChromium : null;
        try
        {
            Browser = await Playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = executable,
                Headless = true,
                Args = ChromiumArgs,
            });
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException(
                $"Could not launch Chromium ({executable ?? "Playwright's bundled build"}). On Debian: apt-get install -y chromium.\n{e.Message}", e);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
    }
}
