using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace IncidentPortal.Tests.E2E.Harness;

/// <summary>
/// Base of the browser tests: fresh browser contexts per test (closed afterwards), signed-in contexts, and on failure
/// a screenshot of every open page (bin/…/screenshots/), the browser's console errors and the server's last output.
/// Wrap each test body in <see cref="Run"/>.
/// </summary>
[Collection(E2ECollection.Name)]
public abstract class E2ETest(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    /// <summary>
    /// After "Report incident" the URL is what proves the report was stored; the page's own load event is not needed
    /// (the next assertions wait for what they read) and under a loaded CI machine it has come later than 15 s.
    /// </summary>
    public static readonly PageWaitForURLOptions ReportedNavigation = new() { WaitUntil = WaitUntilState.Commit };

    /// <summary>
    /// Storage state (cookies) per server and user, so each demo user goes through the sign-in form once per server and
    /// run. Per server: each has its own data-protection keys, and cookies do not tell ports apart.
    /// </summary>
    private static readonly ConcurrentDictionary<string, string> SignedInStates = new();

    private readonly List<IBrowserContext> contexts = [];
    private readonly ConcurrentQueue<string> browserLog = new();

    protected PortalServer Server => server;
    protected ITestOutputHelper Output => output;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in contexts)
        {
            try { await context.CloseAsync(); }
            catch (PlaywrightException) { /* already closed */ }
        }
    }

    /// <summary>A page in a new, empty browser context (no cookies).</summary>
    protected async Task<IPage> NewPageAsync(ViewportSize? viewport = null, string? theme = null, string? storageState = null,
        string timeZone = "UTC")
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = server.BaseUrl,
            ViewportSize = viewport ?? Desktop,
            StorageState = storageState,
            Locale = "en-GB",
            TimezoneId = timeZone,
        });
        context.SetDefaultTimeout((float)BrowserFixture.DefaultTimeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)BrowserFixture.DefaultTimeout.TotalMilliseconds);
        if (theme is not null)
        {
            await context.AddCookiesAsync([new Cookie { Name = PortalPage.ThemeCookie, Value = theme, Url = server.BaseUrl }]);
        }
        contexts.Add(context);

        var page = await context.NewPageAsync();
        var label = $"page {contexts.Count}";
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning") browserLog.Enqueue($"[{label} console.{message.Type}] {message.Text}");
        };
        page.PageError += (_, error) => browserLog.Enqueue($"[{label} page error] {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) browserLog.Enqueue($"[{label} HTTP {response.Status}] {response.Request.Method} {response.Url}");
        };
        page.RequestFailed += (_, request) => browserLog.Enqueue($"[{label} request failed] {request.Method} {request.Url}: {request.Failure}");
        return page;
    }

    /// <summary>
    /// A page in a new context that is signed in as <paramref name="user"/>. The first time per user and run this goes
    /// through the sign-in form; afterwards the saved cookies are reused.
    /// </summary>
    protected async Task<IPage> SignedInPageAsync(PortalUser user, ViewportSize? viewport = null, string? theme = null, string timeZone = "UTC")
    {
        if (!SignedInStates.TryGetValue(StateKey(user), out var state))
        {
            var signIn = await NewPageAsync();
            await signIn.SignInAsync(user);
            state = await signIn.Context.StorageStateAsync();
            SignedInStates[StateKey(user)] = state;
            await signIn.Context.CloseAsync();
            contexts.Remove(signIn.Context);
        }
        return await NewPageAsync(viewport, theme, state, timeZone);
    }

    /// <summary>Keeps the cookies of a page that has just signed in through the form, for later <see cref="SignedInPageAsync"/> calls.</summary>
    protected async Task RememberSignInAsync(PortalUser user, IPage page)
    {
        if (!SignedInStates.ContainsKey(StateKey(user))) SignedInStates.TryAdd(StateKey(user), await page.Context.StorageStateAsync());
    }

    private string StateKey(PortalUser user) => $"{server.BaseUrl} {user.Email}";

    /// <summary>Runs the test body; on failure saves screenshots and writes diagnostics to the test output.</summary>
    protected async Task Run(Func<Task> body, string? variant = null, [CallerMemberName] string test = "")
    {
        try
        {
            await body();
        }
        catch (Exception)
        {
            await ReportFailureAsync($"{GetType().Name}.{test}{(variant is null ? "" : "-" + variant)}");
            throw;
        }
    }

    private async Task ReportFailureAsync(string name)
    {
        var report = new StringBuilder();
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var index = 0;
        foreach (var page in contexts.SelectMany(c => c.Pages).ToList())
        {
            index++;
            var file = Path.Combine(folder, $"{Sanitize(name)}-{index}.png");
            try
            {
                await page.ScreenshotAsync(new() { Path = file, FullPage = true, Timeout = 5000 });
                report.AppendLine($"page {index}: {page.Url}  screenshot: {file}");
            }
            catch (Exception e)
            {
                report.AppendLine($"page {index}: {page.Url}  (no screenshot: {e.Message.Split('\n')[0]})");
            }
        }
        if (!browserLog.IsEmpty)
        {
            report.AppendLine("--- browser");
            foreach (var line in browserLog.TakeLast(40)) report.AppendLine(line);
        }
        report.AppendLine($"--- server ({server.LogPath}), last lines");
        report.AppendLine(server.RecentOutput(40));
        try { output.WriteLine(report.ToString()); }
        catch (InvalidOperationException) { /* no test is running to take it */ }
    }

    private static string Sanitize(string name) =>
        string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is ' ' or '@' ? '_' : c));
}
