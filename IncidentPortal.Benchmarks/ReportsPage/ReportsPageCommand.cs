using System.Globalization;
using IncidentPortal.Benchmarks.LiveLatency;
using Microsoft.Playwright;

namespace IncidentPortal.Benchmarks.ReportsPage;

/// <summary>
/// `-- reports-page --url http://127.0.0.1:PORT [--loads 20] [--path /reports?range=last90]` (reports-page.sh): opens
/// the Reports page as an incident manager in Chromium again and again, each time in a new tab, and measures from the
/// start of the navigation to the moment every section shows its figures (no section is still loading). Prints
/// median, p95 and max. Target: the whole page usable in &lt; 1 s.
/// </summary>
internal static class ReportsPageCommand
{
    /// <summary>Ready when the circuit is up, the heading is there and no section shows its loading skeleton; returns
    /// the time since the navigation started (performance.now() counts from it).</summary>
    private const string ReadyScript = """
        () => {
            const t = performance.now();
            if (window.Blazor === undefined || !document.querySelector('h1')) return false;
            const loading = document.querySelectorAll('.section-skeleton').length;
            const sections = document.querySelectorAll('h2').length;
            if (sections >= 4 && loading < sections) window.__firstIn ??= t;
            return sections >= 4 && loading === 0 ? [window.__socketOpen ?? -1, window.__firstIn, t] : false;
        }
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        string Get(string name, string fallback) =>
            Array.IndexOf(args, "--" + name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        var baseUrl = new Uri(Get("url", "http://127.0.0.1:5117"));
        var loads = int.Parse(Get("loads", "20"), CultureInfo.InvariantCulture);
        var path = Get("path", "/reports?range=last90");
        var chromium = Get("chromium", "/usr/bin/chromium");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = File.Exists(chromium) ? chromium : null,
            Headless = true,
            Args = LivePages.ChromiumArgs,
        });
        var state = await LivePages.SignInAsync(browser, baseUrl, Get("user", "manager@demo.local"), Get("password", "Demo!Pass1"));
        await using var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseUrl.ToString(),
            StorageState = state,
            ViewportSize = new() { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(60_000);
        // When the circuit's socket opens: before it, the time is the server's prerender and the scripts' load.
        await context.AddInitScriptAsync("""
            (() => { const Native = window.WebSocket; window.WebSocket = class extends Native {
                constructor(...a) { super(...a); this.addEventListener('open', () => window.__socketOpen ??= performance.now()); } }; })();
            """);

        var times = new List<double>();
        for (var i = -2; i < loads; i++)    // two warm-up loads (JIT, caches), not counted
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
            var ready = await page.WaitForFunctionAsync(ReadyScript, null, new() { PollingInterval = 10 });
            var (open, first, ms) = await ready.JsonValueAsync<double[]>() is [var a, var b, var c] ? (a, b, c) : (0, 0, 0);
            if (i >= 0) times.Add(ms);
            Console.WriteLine(FormattableString.Invariant($"load {i + 1,3}: circuit socket open {open,6:0} ms, first section {first,6:0} ms, all {ms,6:0} ms"));
            await page.EvaluateAsync("() => window.Blazor?.disconnect?.()");
            await page.CloseAsync();
        }
        times.Sort();
        double Rank(double p) => times[Math.Max(0, (int)Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine(FormattableString.Invariant(
            $"Reports page usable ({path}, {loads} loads): median {Rank(0.5):0} ms, p95 {Rank(0.95):0} ms, max {times[^1]:0} ms; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        return Rank(0.95) < 1000 ? 0 : 4;
    }
}
