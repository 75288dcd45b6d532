using System.Diagnostics;
using IncidentPortal.Tests.E2E.Harness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>What a user sees when the server goes away under an open interactive page, and comes back.</summary>
public sealed class ReconnectTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    /// <summary>
    /// After the server is healthy again: blazor.web.js 9.0 retries 10 times at once, then every 5 s (then every 30 s,
    /// where reconnect.js adds its own retry every 2 s); the reload and a fresh circuit follow.
    /// </summary>
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public Task An_open_page_shows_the_banner_while_the_server_is_down_and_recovers_by_itself_when_it_is_back() => Run(async () =>
    {
        var page = await SignedInPageAsync(DemoUsers.Agent);
        await page.GotoInteractiveAsync("/queue");
        await Expect(page.Heading("Queue")).ToBeVisibleAsync();
        await Expect(page.ReconnectBanner()).ToBeHiddenAsync();
        await page.ExpectThemeAsync(dark: false);
        // A mark on this document: a reload replaces the document, so the mark is gone only if the page reloaded.
        await page.EvaluateAsync("() => { window.e2eBeforeRestart = true; }");

        var clock = Stopwatch.StartNew();
        try
        {
            await Server.StopAsync();
            await Expect(page.ReconnectBanner()).ToBeVisibleAsync();
            Assert.Equal("/queue", page.PathOf());
            Output.WriteLine($"banner shown {clock.ElapsedMilliseconds} ms after the stop began");
        }
        finally
        {
            // Whatever happened above, the other tests need the server.
            await Server.StartAsync();
        }
        Output.WriteLine($"server healthy again after {clock.ElapsedMilliseconds} ms");

        // No action from the test: the page reloads on its own into a working, signed-in, interactive page.
        await page.WaitForFunctionAsync("() => window.e2eBeforeRestart === undefined", null,
            new() { Timeout = (float)RecoveryTimeout.TotalMilliseconds, PollingInterval = 100 });
        Output.WriteLine($"page reloaded after {clock.ElapsedMilliseconds} ms");
        await page.WaitForInteractiveAsync();
        Assert.Equal("/queue", page.PathOf());
        await Expect(page.Heading("Queue")).ToBeVisibleAsync();
        await Expect(page.ReconnectBanner()).ToBeHiddenAsync();
        await page.ToggleThemeAsync(); // a click handled by the new circuit
        await page.ExpectThemeAsync(dark: true);
        Output.WriteLine($"interactive again after {clock.ElapsedMilliseconds} ms");
    });
}
