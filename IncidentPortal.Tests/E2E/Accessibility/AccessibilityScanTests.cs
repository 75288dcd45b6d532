using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace IncidentPortal.Tests.E2E.Accessibility;

/// <summary>
/// Defect 10: axe-core on every page (<see cref="AccessiblePages"/>), in the light and the dark theme, finds no serious
/// or critical violation — every text meets WCAG AA contrast, every control has a name. One browser context per
/// user, reused from page to page, keeps the scan to a couple of minutes.
/// </summary>
public sealed class AccessibilityScanTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task Every_page_in_both_themes_has_no_serious_or_critical_accessibility_violation() => Run(async () =>
    {
        var found = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var group in AccessiblePages.All.GroupBy(p => p.User))
        {
            var page = group.Key is null ? await NewPageAsync(Desktop) : await SignedInPageAsync(group.Key, Desktop);
            foreach (var target in group)
            {
                foreach (var dark in new[] { false, true })
                {
                    var where = $"{target} {(dark ? "dark" : "light")}";
                    if (!await OpenAsync(page, target, dark))
                    {
                        found.Add($"{where}: did not open (landed on {page.Url})");
                        continue;
                    }
                    // Light: every rule. Dark: only colours differ, so only contrast is checked again.
                    var violations = await AxeScan.SeriousViolationsAsync(page, where, contrastOnly: dark);
                    found.AddRange(violations);
                    Output.WriteLine($"{clock.ElapsedMilliseconds,6} ms  {where}: {violations.Count} serious/critical");
                }
            }
            await page.Context.CloseAsync();
        }
        Assert.True(found.Count == 0, $"{found.Count} serious/critical accessibility violations:\n" + string.Join("\n", found));
    });

    private async Task<bool> OpenAsync(IPage page, AccessiblePage target, bool dark)
    {
        var theme = dark ? PortalPage.DarkTheme : PortalPage.LightTheme;
        if (target.Kind == PageKind.DeviceTheme) await page.EmulateMediaAsync(new() { ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light });
        else await page.Context.AddCookiesAsync([new Cookie { Name = PortalPage.ThemeCookie, Value = theme, Url = Server.BaseUrl }]);
        await page.GotoAsync(target.Path);
        if (page.PathOf() != target.Path.Split('?')[0]) return false;
        if (target.Kind == PageKind.Interactive)
        {
            await page.WaitForInteractiveAsync();
            await page.ExpectThemeAsync(dark);
        }
        // Data arrives after the circuit starts; scan what the user reads, not the loading bar.
        await page.WaitForFunctionAsync(
            "() => !document.querySelector('.mud-progress-linear, .mud-skeleton') && document.fonts.status === 'loaded'",
            null, new() { PollingInterval = 100, Timeout = 10_000 });
        return true;
    }
}
