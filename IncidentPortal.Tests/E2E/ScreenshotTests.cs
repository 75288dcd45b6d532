using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>
/// Saves PNGs of the main pages, light and dark, desktop and phone, into &lt;repo&gt;/screenshots/ (git-ignored)
/// for people to look at, and checks each is the page and theme it claims to be, and that these pages load every
/// resource they ask for (no 4xx/5xx, no failed request).
/// </summary>
public sealed class ScreenshotTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    /// <param name="Heading">The page's h1; empty for pages whose headline depends on the data (the public status page).</param>
    /// <param name="Static">Rendered statically (Identity and account pages): no circuit to wait for.</param>
    /// <param name="DeviceTheme">The public status pages' own shell: no theme cookie, light or dark follows the device (emulated).</param>
    private sealed record Shot(string Name, string Path, string Heading, PortalUser? User, bool Static = false, bool DeviceTheme = false);

    private static readonly Shot[] Shots =
    [
        new("sign-in", "/Account/Login", "Sign in", null),
        new("register", "/Account/Register", "Create an account", null),
        new("reporter-home", "/incidents/new", "Report an incident", DemoUsers.Reporter),
        new("agent-queue", "/queue", "Queue", DemoUsers.Agent),
        // Demo incidents 2 (in progress) and 6 (resolved, within the auto-close period) both belong to the demo reporter.
        new("incident-workspace", "/incidents/2", "Web shop checkout returns error 500", DemoUsers.Agent),
        new("incident-reporter-view", "/incidents/6", "Phishing email received from 'CEO'", DemoUsers.Reporter),
        new("my-incidents", "/incidents/mine", "My incidents", DemoUsers.Reporter),
        new("my-tasks", "/queue/my-tasks", "Queue", DemoUsers.Agent),
        new("notifications", "/notifications", "Notifications", DemoUsers.Agent),
        new("notification-preferences", "/notifications/preferences", "Notification preferences", DemoUsers.Reporter),
        new("admin-users", "/admin/users", "Users", DemoUsers.Admin),
        new("admin-teams", "/admin/teams", "Teams", DemoUsers.Admin),
        new("admin-services", "/admin/services", "Services", DemoUsers.Admin),
        new("admin-categories", "/admin/categories", "Categories", DemoUsers.Admin),
        new("admin-priorities", "/admin/priorities", "Priority matrix", DemoUsers.Admin),
        new("admin-routing", "/admin/routing", "Routing rules", DemoUsers.Admin),
        new("admin-webhooks", "/admin/webhooks", "Webhooks", DemoUsers.Admin),
        new("api-keys", "/Account/Manage/ApiKeys", "Your account", DemoUsers.Agent),
        new("api-docs", "/api/docs", "API reference", DemoUsers.Agent),
        new("admin-integrations", "/admin/integrations", "Integrations", DemoUsers.Admin),
        new("alerts", "/alerts", "Alerts", DemoUsers.Agent),
        new("admin-sla", "/admin/sla", "SLA policies", DemoUsers.Admin),
        new("admin-calendars", "/admin/calendars", "Business calendars", DemoUsers.Admin),
        new("status-components", "/admin/status-components", "Status page components", DemoUsers.Manager),
        new("status-maintenance", "/status-admin/maintenance", "Scheduled maintenance", DemoUsers.Manager),
        new("status-subscribe", "/status/subscribe", "Subscribe to status updates", null, Static: true, DeviceTheme: true),
        new("status-subscribers", "/status-admin/subscribers", "Status subscribers", DemoUsers.Manager),
        new("admin-escalation", "/admin/escalation", "Escalation matrix", DemoUsers.Admin),
        new("admin-escalation-policies", "/admin/escalation-policies", "Escalation policies", DemoUsers.Admin),
        // Demo incident 25 (the expired VPN certificate, P1) has the demo review (Features/Reviews/DemoReviewSeeder.cs).
        new("review", "/incidents/25/review", "Post-incident review: VPN client certificate expired", DemoUsers.Manager),
        new("review-print", "/incidents/25/review/print", "Post-incident review: INC-000025 VPN client certificate expired", DemoUsers.Manager),
        new("admin-review-template", "/admin/review-template", "Review template", DemoUsers.Admin),
        new("my-action-items", "/action-items", "My action items", DemoUsers.Dana),
        new("all-action-items", "/action-items/all", "All action items", DemoUsers.Manager),
        new("problems", "/problems", "Problems", DemoUsers.Agent),
        // The demo problem, spawned from Dana's overdue action item (Features/ActionItems/DemoActionItemSeeder.cs).
        new("problem", "/problems/1", "Find why the orders table locks under load", DemoUsers.Agent),
        new("status-public", "/status", "", null, Static: true, DeviceTheme: true),
        new("status-history", "/status/history", "", null, Static: true, DeviceTheme: true),
        new("status-internal", "/status/internal", "Internal status", DemoUsers.Manager),
        new("reports", "/reports", "Reports", DemoUsers.Manager),
    ];

    [Fact]
    public Task The_main_pages_load_completely_and_are_captured_in_both_themes_at_desktop_and_phone_width() => Run(async () =>
    {
        var folder = System.IO.Path.Combine(Server.RepositoryRoot, "screenshots");
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var brokenResources = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // SCREENSHOTS=admin-,api- captures only the pages whose names start so (one engineer's pages); unset: all.
        var only = Environment.GetEnvironmentVariable("SCREENSHOTS")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var shots = only is { Length: > 0 } ? Shots.Where(s => only.Any(prefix => s.Name.StartsWith(prefix, StringComparison.Ordinal))).ToArray() : Shots;
        foreach (var shot in shots)
        {
            // One context per page: the theme is the cookie the appearance toggle sets; the HTTP cache is reused.
            var page = shot.User is null ? await NewPageAsync(Desktop) : await SignedInPageAsync(shot.User, Desktop);
            page.Response += (_, response) =>
            {
                if (response.Status >= 400) brokenResources.Enqueue($"{shot.Path}: HTTP {response.Status} {response.Url}");
            };
            page.RequestFailed += (_, request) =>
            {
                // Aborted: cut off by the next navigation, which is not a broken resource.
                if (request.Failure != "net::ERR_ABORTED") brokenResources.Enqueue($"{shot.Path}: {request.Failure} {request.Url}");
            };
            foreach (var dark in new[] { false, true })
            {
                await page.Context.AddCookiesAsync(
                    [new Cookie { Name = PortalPage.ThemeCookie, Value = dark ? PortalPage.DarkTheme : PortalPage.LightTheme, Url = Server.BaseUrl }]);
                await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
                if (shot.DeviceTheme) await page.EmulateMediaAsync(new() { ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light });
                Output.WriteLine($"{clock.ElapsedMilliseconds,6} ms  open {shot.Path}");
                await page.GotoAsync(shot.Path);
                Assert.Equal(shot.Path, page.PathOf());
                await Expect(shot.Heading.Length == 0 ? page.Locator("h1").First : page.Heading(shot.Heading)).ToBeVisibleAsync();
                if (shot.User is not null && !shot.Static) await page.WaitForInteractiveAsync();
                // Sections that load on their own (Reports): captured once every skeleton has given way.
                await Expect(page.Locator("[role=status][aria-label^='Loading']")).ToHaveCountAsync(0);
                if (shot.DeviceTheme) Assert.Equal(dark, await page.EvaluateAsync<bool>("() => matchMedia('(prefers-color-scheme: dark)').matches"));
                else await page.ExpectThemeAsync(dark);

                foreach (var (width, viewport) in new[] { ("desktop", Desktop), ("phone", Phone) })
                {
                    await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
                    await SettleAsync(page);
                    var file = System.IO.Path.Combine(folder, $"{shot.Name}-{(dark ? "dark" : "light")}-{width}.png");
                    await page.ScreenshotAsync(new() { Path = file, FullPage = true, Animations = ScreenshotAnimations.Disabled });
                    written.Add(file);
                    Output.WriteLine($"{clock.ElapsedMilliseconds,6} ms  {System.IO.Path.GetFileName(file)}");
                }
            }
            await page.Context.CloseAsync();
        }

        Output.WriteLine($"{written.Count} screenshots in {folder}");
        Assert.Empty(brokenResources);
        Assert.Equal(shots.Length * 4, written.Count);
        foreach (var file in written)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.Length > 2_000, $"{file} is suspiciously small ({bytes.Length} bytes).");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        }
    });

    /// <summary>Fonts (the Material icon font too) loaded, and two frames drawn after the resize.</summary>
    private static async Task SettleAsync(IPage page)
    {
        await page.EvaluateAsync("() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))");
    }
}
