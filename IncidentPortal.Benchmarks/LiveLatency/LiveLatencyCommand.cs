using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace IncidentPortal.Benchmarks.LiveLatency;

/// <summary>
/// `-- live --url http://127.0.0.1:PORT [options]` (live-latency.sh): N open pages of one live list in Chromium, R new
/// incidents a second through the REST API for S seconds, and for every (page, incident) the delay from the API's 201
/// to the incident's title appearing on that page. Prints p50/p95/p99/max and the rows a page never showed.
/// </summary>
internal static class LiveLatencyCommand
{
    private sealed record Options(Uri BaseUrl, int Pages, double Rate, double Seconds, double WarmupSeconds, double DrainSeconds,
        string PagePath, string Heading, string Email, string Password, string Chromium, string? OutputDirectory, double TargetP95);

    public static async Task<int> RunAsync(string[] args)
    {
        Options options;
        try { options = Parse(args); }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("usage: live --url http://127.0.0.1:PORT [--pages 10] [--rate 10] [--seconds 20] [--warmup 5] [--drain 5] "
                + "[--path /queue?sort=created --heading Queue] [--user EMAIL --password PW] [--chromium /usr/bin/chromium] [--out DIR] [--target-p95 150]");
            return 2;
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = File.Exists(options.Chromium) ? options.Chromium : null,
            Headless = true,
            Args = LivePages.ChromiumArgs,
        });
        Log($"signing in as {options.Email} at {options.BaseUrl}");
        var state = await LivePages.SignInAsync(browser, options.BaseUrl, options.Email, options.Password);
        await using var context = await browser.NewContextAsync(new()
        {
            BaseURL = options.BaseUrl.ToString(),
            StorageState = state,
            ViewportSize = new() { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(90_000);
        using var api = await ApiClientAsync(context, options.BaseUrl);

        var run = Guid.NewGuid().ToString("N")[..6];
        await using var pages = new LivePages(context, options.PagePath, options.Heading);
        await pages.OpenAsync(options.Pages, $"warm{run}");
        Log($"{pages.Count} pages of {options.PagePath} interactive; warming up for {options.WarmupSeconds:0} s");
        await SendAsync(api, $"warm{run}", options.Rate, options.WarmupSeconds);
        await Task.Delay(TimeSpan.FromSeconds(options.DrainSeconds));

        var prefix = $"probe{run}";
        await pages.WatchAsync(prefix);
        var load = LoadAverage();
        Log($"measuring: {options.Rate:0.#} incidents/s for {options.Seconds:0} s; load average {load}");
        var sent = await SendAsync(api, prefix, options.Rate, options.Seconds);
        await Task.Delay(TimeSpan.FromSeconds(options.DrainSeconds));
        var seen = await pages.SeenAsync();
        var arrived = LatencyReport.From(sent.Created, await pages.ArrivedAsync());
        var lost = await pages.LostAsync();

        var result = LatencyReport.From(sent.Created, seen);
        var report = result.ToMarkdown(options.PagePath, options.Pages, options.Rate, options.Seconds, sent.Failed, lost,
            $"{load} → {LoadAverage()} on {Environment.ProcessorCount} cores")
            + string.Create(CultureInfo.InvariantCulture, $"\nAPI answer time (POST to 201): p50 {At(sent.ApiMs, 0.5):0} ms, p95 {At(sent.ApiMs, 0.95):0} ms, "
                + $"max {(sent.ApiMs.Count == 0 ? double.NaN : sent.ApiMs[^1]):0} ms\n"
                + $"Row reached the page's socket (server and network, before the browser applies it): p50 {arrived.P50:0} ms, "
                + $"p95 {arrived.P95:0} ms, p99 {arrived.P99:0} ms ({arrived.Expected - arrived.Missed} of {arrived.Expected})\n");
        Console.WriteLine();
        Console.WriteLine(report);
        if (options.OutputDirectory is { } dir)
        {
            Directory.CreateDirectory(dir);
            await File.WriteAllTextAsync(Path.Combine(dir, "summary.md"), report);
            await File.WriteAllLinesAsync(Path.Combine(dir, "delays.tsv"), ["page\tincident\tdelay_ms", .. result.Lines()]);
        }
        var met = result.P95 < options.TargetP95 && result.Missed == 0 && sent.Failed == 0 && lost == 0;
        Console.WriteLine(met ? $"PASS: p95 < {options.TargetP95} ms and nothing missed" : $"FAIL: target p95 < {options.TargetP95} ms with no missed row");
        return met ? 0 : 4;
    }

    private sealed record Sent(IReadOnlyDictionary<string, double> Created, int Failed, IReadOnlyList<double> ApiMs);

    /// <summary>Reports at a fixed rate (not one after another), so a slow answer does not slow the arrivals.</summary>
    private static async Task<Sent> SendAsync(HttpClient api, string prefix, double rate, double seconds)
    {
        var created = new ConcurrentDictionary<string, double>();
        var apiMs = new ConcurrentBag<double>();
        var failed = 0;
        var total = (int)Math.Round(rate * seconds);
        var clock = Stopwatch.StartNew();
        var requests = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var wait = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var probe = $"{prefix}-{i}";
            requests.Add(Task.Run(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/incidents")
                {
                    Content = JsonContent.Create(new { title = $"Live probe {probe}", impact = "Low", urgency = "Low" }),
                };
                var started = UnixMs();
                using var response = await api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                var at = UnixMs();
                apiMs.Add(at - started);
                if (response.StatusCode == HttpStatusCode.Created) created[probe] = at;
                else Interlocked.Increment(ref failed);
            }));
        }
        await Task.WhenAll(requests);
        return new Sent(created, failed, [.. apiMs.Order()]);
    }

    /// <summary>The API with the browser's sign-in cookie (writes with a cookie need X-Requested-With).</summary>
    private static async Task<HttpClient> ApiClientAsync(IBrowserContext context, Uri baseUrl)
    {
        var cookies = new CookieContainer();
        foreach (var cookie in await context.CookiesAsync())
        {
            cookies.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, baseUrl.Host));
        }
#pragma warning disable CA2000 // the client owns its handler
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = baseUrl };
#pragma warning restore CA2000
        client.DefaultRequestHeaders.Add("X-Requested-With", "live-latency");
        return client;
    }

    private static double At(IReadOnlyList<double> sorted, double share) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];

    internal static double UnixMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    private static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument {args[i]}");
            values[args[i][2..]] = args[i + 1];
        }
        string Get(string name, string? fallback = null) =>
            values.TryGetValue(name, out var v) ? v : fallback ?? throw new ArgumentException($"--{name} is required");
        double Number(string name, string fallback) => double.Parse(Get(name, fallback), CultureInfo.InvariantCulture);
        return new Options(new Uri(Get("url").TrimEnd('/') + "/"), (int)Number("pages", "10"), Number("rate", "10"), Number("seconds", "20"),
            Number("warmup", "5"), Number("drain", "5"), Get("path", "/queue?sort=created"), Get("heading", "Queue"),
            Get("user", "agent@demo.local"), Get("password", "Demo!Pass1"), Get("chromium", "/usr/bin/chromium"),
            values.GetValueOrDefault("out"), Number("target-p95", "150"));
    }

    private static string LoadAverage()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "?"; }
    }

    private static void Log(string message) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
