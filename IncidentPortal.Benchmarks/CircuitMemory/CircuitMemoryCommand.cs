using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Playwright;

namespace IncidentPortal.Benchmarks.CircuitMemory;

/// <summary>
/// `-- circuits --url http://127.0.0.1:PORT --pid PID --out DIR [options]`: memory per open queue circuit of a running
/// app (started by circuit-memory.sh). Signs in once, reuses the cookies for every page (one browser context), then
/// measures the app's managed heap after a full GC (<see cref="HeapSnapshot"/>) and its working set / private bytes
/// (<see cref="ProcessMemory"/>) with 0 circuits (after one warm-up visit, closed), then with each count of open,
/// interactive queue pages. Chromium is another process and is never in the figures.
/// </summary>
internal static class CircuitMemoryCommand
{
    private sealed record Options(
        Uri BaseUrl, int ProcessId, string OutputDirectory, int[] Counts, string Chromium, string Email, string Password,
        string PagePath, string Heading, int Warmups, int Concurrency, TimeSpan Settle, TimeSpan PageTimeout, int TopTypes);

    private sealed record Point(int Circuits, HeapSnapshot Heap, ProcessMemory Memory, TimeSpan Took);

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        // Forty pages in one headless browser: none of them may be throttled into missing SignalR's keep-alives.
        "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
    ];

    /// <summary>The page's own view: on the page's path, the heading shown, no reconnect UI.</summary>
    private const string PageReadyScript = """
        ([path, heading]) => {
            if (location.pathname !== path || window.Blazor === undefined) return false;
            const modal = document.getElementById('components-reconnect-modal');
            if (modal && /components-reconnect-(show|failed|rejected|retrying|paused)/.test(modal.className)) return false;
            return [...document.querySelectorAll('h1')].some(h => h.textContent.trim() === heading);
        }
        """;

    private const string CircuitServerType = "Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost";

    /// <summary>Types whose object sizes are broken down (sizes-N.tsv): the render tree's buffers and the raw arrays.</summary>
    private static readonly string[] SizedTypes =
    [
        "Microsoft.AspNetCore.Components.RenderTree.RenderTreeFrame[]", "System.Byte[]", "System.String", "System.Char[]", "System.Int32[]", "System.Object[]",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        Options options;
        try { options = Parse(args); }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("usage: circuits --url http://127.0.0.1:PORT --pid PID --out DIR [--counts 20,40] [--chromium /usr/bin/chromium] "
                + "[--user EMAIL --password PW] [--path /queue --heading Queue] [--warmups 1] [--concurrency 4] [--settle 10] [--page-timeout 90] [--top 40]");
            return 2;
        }
        Directory.CreateDirectory(options.OutputDirectory);
        Process.GetProcessById(options.ProcessId); // throws if the app is not running

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = File.Exists(options.Chromium) ? options.Chromium : null,
            Headless = true,
            Args = ChromiumArgs,
        });
        var timeout = (float)options.PageTimeout.TotalMilliseconds;

        Log($"signing in as {options.Email} at {options.BaseUrl}");
        var storageState = await SignInAsync(browser, options, timeout);

        await using var context = await browser.NewContextAsync(new()
        {
            BaseURL = options.BaseUrl.ToString(),
            StorageState = storageState,
            ViewportSize = new() { Width = 1366, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(timeout);
        context.SetDefaultNavigationTimeout(timeout);

        for (var i = 0; i < options.Warmups; i++)
        {
            var warm = await OpenInteractiveAsync(context, options, timeout);
            await CloseGracefullyAsync(warm);
        }
        Log($"{options.Warmups} warm-up visit(s) done and closed; settling {options.Settle.TotalSeconds:0} s");
        await Task.Delay(options.Settle);
        // The first EventPipe session leaves a little state of its own in the runtime; it must not count as a circuit.
        // A circuit left from before (a browser that closed without the beacon) is kept for up to three minutes: wait it out.
        var waited = Stopwatch.StartNew();
        while ((await HeapSnapshot.TakeAsync(options.ProcessId, options.PageTimeout)).CountOf(CircuitServerType) is var left and > 0)
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(4)) throw new InvalidOperationException($"{left} circuit(s) still held with no page open.");
            Log($"{left} circuit(s) still held on the server with no page open; waiting for the server to drop them");
            await Task.Delay(TimeSpan.FromSeconds(15));
        }

        var points = new List<Point> { await MeasureAsync(options, 0) };
        var pages = new List<IPage>();
        foreach (var count in options.Counts)
        {
            var started = Stopwatch.StartNew();
            using var gate = new SemaphoreSlim(options.Concurrency);
            var opening = Enumerable.Range(0, count - pages.Count).Select(async _ =>
            {
                await gate.WaitAsync();
                try { return await OpenInteractiveAsync(context, options, timeout); }
                finally { gate.Release(); }
            }).ToList();
            pages.AddRange(await Task.WhenAll(opening));
            Log($"{pages.Count} queue pages interactive ({started.Elapsed.TotalSeconds:0} s); settling {options.Settle.TotalSeconds:0} s");
            await Task.Delay(options.Settle);
            await CheckStillLiveAsync(pages, options);
            var point = await MeasureAsync(options, pages.Count);
            points.Add(point);
            await CheckStillLiveAsync(pages, options);
        }

        var report = Report(options, points);
        Console.WriteLine();
        Console.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "summary.md"), report);

        foreach (var page in pages) await CloseGracefullyAsync(page);
        var bad = points.Where(p => p.Heap.CountOf(CircuitServerType) != p.Circuits).ToList();
        if (bad.Count > 0)
        {
            Console.Error.WriteLine("WARNING: the server held a different number of circuits than pages were open: "
                + string.Join(", ", bad.Select(p => $"{p.Circuits} pages, {p.Heap.CountOf(CircuitServerType)} CircuitHost")));
            return 3;
        }
        return 0;
    }

    /// <summary>`-- heap PID [types.tsv]`: one snapshot of a running .NET process (live heap, a few Blazor types, every type to the file).</summary>
    public static async Task<int> PrintHeapAsync(int processId, string[] args)
    {
        var heap = await HeapSnapshot.TakeAsync(processId, TimeSpan.FromSeconds(120));
        var memory = ProcessMemory.Read(processId);
        Console.WriteLine($"live heap {Mb(heap.LiveBytes)} (walk {Mb(heap.WalkedBytes)}, {heap.WalkedObjects:N0} objects, {heap.EventsLost} events lost), "
            + $"heap size after GC {Mb(heap.HeapSizeAfterGc)}; working set {Mb(memory.WorkingSet)}, private {Mb(memory.PrivateBytes)}");
        foreach (var type in new[] { CircuitServerType, "Microsoft.AspNetCore.Components.Server.Circuits.RemoteRenderer",
                     "Microsoft.AspNetCore.Components.Server.Circuits.RemoteComponentState", "Microsoft.AspNetCore.SignalR.HubConnectionContext" })
        {
            Console.WriteLine($"  {heap.CountOf(type),8:N0}  {type}");
        }
        if (args is [var file, ..]) await WriteTypesAsync(file, heap.Types.Values);
        return 0;
    }

    private static async Task<string> SignInAsync(IBrowser browser, Options options, float timeout)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = options.BaseUrl.ToString() });
        context.SetDefaultTimeout(timeout);
        context.SetDefaultNavigationTimeout(timeout);
        var page = await context.NewPageAsync();
        // Back to a statically rendered Identity page, so signing in starts no circuit of its own.
        await page.GotoAsync("/Account/Login?ReturnUrl=%2FAccount%2FManage");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(options.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(options.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase),
            new() { WaitUntil = WaitUntilState.Commit });
        var state = await context.StorageStateAsync();
        await CloseGracefullyAsync(page);
        return state;
    }

    /// <summary>
    /// Opens the page and waits until its circuit has rendered: the server has sent a render batch over the page's
    /// <c>_blazor</c> WebSocket (the circuit exists and the components run on the server; prerendering sends none),
    /// and the page shows its heading with no reconnect UI. Independent of the component library.
    /// </summary>
    private static async Task<IPage> OpenInteractiveAsync(IBrowserContext context, Options options, float timeout)
    {
        for (var attempt = 1; ; attempt++)
        {
            var page = await context.NewPageAsync();
            var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            page.WebSocket += (_, socket) =>
            {
                if (!socket.Url.Contains("/_blazor", StringComparison.Ordinal)) return;
                socket.FrameReceived += (_, frame) =>
                {
                    var text = frame.Binary is { } bytes ? Encoding.Latin1.GetString(bytes) : frame.Text ?? "";
                    if (text.Contains("JS.RenderBatch", StringComparison.Ordinal)) rendered.TrySetResult();
                };
            };
            try
            {
                await page.GotoAsync(options.PagePath, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
                await rendered.Task.WaitAsync(options.PageTimeout);
                await page.WaitForFunctionAsync(PageReadyScript, new object[] { options.PagePath, options.Heading },
                    new() { PollingInterval = 200, Timeout = timeout });
                return page;
            }
            catch (Exception e) when (attempt < 2 && e is TimeoutException or PlaywrightException)
            {
                Log($"a page did not become interactive ({e.GetType().Name}: {e.Message.Split('\n')[0]}); retrying once");
                await CloseGracefullyAsync(page);
            }
        }
    }

    /// <summary>
    /// Ends the page's circuit the way blazor.web.js does when a tab closes (its disconnect beacon, <c>Blazor.disconnect()</c>),
    /// then closes the page. The script sends that beacon only from an <c>unload</c> listener, which a closing page need
    /// not run; a circuit whose page went without it is kept as a disconnected circuit for up to three minutes
    /// (DisconnectedCircuitRetentionPeriod) and would be counted in the next figure.
    /// </summary>
    private static async Task CloseGracefullyAsync(IPage page)
    {
        try
        {
            await page.EvaluateAsync("() => { if (window.Blazor && typeof window.Blazor.disconnect === 'function') window.Blazor.disconnect(); }");
            await Task.Delay(300);
            await page.GotoAsync("about:blank", new() { Timeout = 15_000 });
            await page.CloseAsync();
        }
        catch (PlaywrightException) { /* already closed */ }
        catch (TimeoutException) { await page.CloseAsync(); }
    }

    private static async Task CheckStillLiveAsync(List<IPage> pages, Options options)
    {
        var lost = 0;
        foreach (var page in pages)
        {
            if (!await page.EvaluateAsync<bool>(PageReadyScript, new object[] { options.PagePath, options.Heading })) lost++;
        }
        if (lost > 0) throw new InvalidOperationException($"{lost} of {pages.Count} pages lost their circuit (reconnect UI shown or page left).");
    }

    /// <summary>Two snapshots: the first GC queues what only finalizers still hold; the second, measured, runs after them.</summary>
    private static async Task<Point> MeasureAsync(Options options, int circuits)
    {
        var started = Stopwatch.StartNew();
        await HeapSnapshot.TakeAsync(options.ProcessId, options.PageTimeout);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var heap = await HeapSnapshot.TakeAsync(options.ProcessId, options.PageTimeout, SizedTypes);
        var memory = ProcessMemory.Read(options.ProcessId);
        var point = new Point(circuits, heap, memory, started.Elapsed);
        await WriteTypesAsync(Path.Combine(options.OutputDirectory, $"types-{circuits}.tsv"), heap.Types.Values);
        await File.WriteAllLinesAsync(Path.Combine(options.OutputDirectory, $"sizes-{circuits}.tsv"),
            ["type\tobject size\tcount", .. heap.Types.Values.Where(t => t.Sizes is not null)
                .SelectMany(t => t.Sizes!.OrderBy(s => s.Key).Select(s => $"{t.Name}\t{s.Key}\t{s.Value}"))]);
        Log($"{circuits,3} circuits: live heap {Mb(heap.LiveBytes)} (walk {Mb(heap.WalkedBytes)}, {heap.WalkedObjects:N0} objects, "
            + $"{heap.EventsLost} events lost), heap size after GC {Mb(heap.HeapSizeAfterGc)}, CircuitHost objects {heap.CountOf(CircuitServerType)}, "
            + $"working set {Mb(memory.WorkingSet)}, RssAnon {Mb(memory.RssAnon)}, private {Mb(memory.PrivateBytes)}; gen-2 GC #{heap.GcNumber}, "
            + $"{point.Took.TotalSeconds:0} s");
        return point;
    }

    private static string Report(Options options, List<Point> points)
    {
        var zero = points[0];
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Memory per open circuit of {options.PagePath} ({options.BaseUrl}, pid {options.ProcessId}), "
            + $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()} on {Environment.ProcessorCount} cores");
        text.AppendLine();
        text.AppendLine("| circuits | CircuitHost on server | live managed heap | heap walk (objects) | events lost | heap size after GC | working set | private bytes | RssAnon |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in points)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {p.Circuits} | {p.Heap.CountOf(CircuitServerType)} | {Mb(p.Heap.LiveBytes)} | "
                + $"{Mb(p.Heap.WalkedBytes)} ({p.Heap.WalkedObjects:N0}) | {p.Heap.EventsLost} | {Mb(p.Heap.HeapSizeAfterGc)} | {Mb(p.Memory.WorkingSet)} | "
                + $"{Mb(p.Memory.PrivateBytes)} | {Mb(p.Memory.RssAnon)} |");
        }
        text.AppendLine();
        text.AppendLine("Per circuit, (value(N) - value(0)) / N:");
        text.AppendLine();
        text.AppendLine("| N | managed heap (live) | heap walk | working set | private bytes | RssAnon |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var p in points.Skip(1))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {p.Circuits} | **{Kb((p.Heap.LiveBytes - zero.Heap.LiveBytes) / p.Circuits)}** | "
                + $"{Kb((p.Heap.WalkedBytes - zero.Heap.WalkedBytes) / p.Circuits)} | {Kb((p.Memory.WorkingSet - zero.Memory.WorkingSet) / p.Circuits)} | "
                + $"{Kb((p.Memory.PrivateBytes - zero.Memory.PrivateBytes) / p.Circuits)} | {Kb((p.Memory.RssAnon - zero.Memory.RssAnon) / p.Circuits)} |");
        }
        for (var i = 2; i < points.Count; i++)
        {
            var (a, b) = (points[i - 1], points[i]);
            var n = b.Circuits - a.Circuits;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {a.Circuits}→{b.Circuits} (marginal) | {Kb((b.Heap.LiveBytes - a.Heap.LiveBytes) / n)} | "
                + $"{Kb((b.Heap.WalkedBytes - a.Heap.WalkedBytes) / n)} | {Kb((b.Memory.WorkingSet - a.Memory.WorkingSet) / n)} | "
                + $"{Kb((b.Memory.PrivateBytes - a.Memory.PrivateBytes) / n)} | {Kb((b.Memory.RssAnon - a.Memory.RssAnon) / n)} |");
        }

        var last = points[^1];
        var diff = TypeDiff(zero.Heap, last.Heap, last.Circuits);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Live objects added per circuit, by type ({last.Circuits} circuits vs 0; top {options.TopTypes}; "
            + $"types-*.tsv has every type):");
        text.AppendLine();
        text.AppendLine("| type | bytes per circuit | objects per circuit |");
        text.AppendLine("|---|---:|---:|");
        foreach (var t in diff.Take(options.TopTypes))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{t.Name.Replace("|", "\\|", StringComparison.Ordinal)}` | {t.Bytes:N0} | {t.Count:N1} |");
        }
        text.AppendLine();
        text.AppendLine("Added per circuit, by area (namespace of the type, or of the element / first type argument for arrays and collections):");
        text.AppendLine();
        text.AppendLine("| area | bytes per circuit |");
        text.AppendLine("|---|---:|");
        foreach (var area in diff.GroupBy(t => Area(t.Name)).Select(g => (Area: g.Key, Bytes: g.Sum(t => t.Bytes))).OrderByDescending(g => g.Bytes).Take(20))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {area.Area} | {area.Bytes:N0} |");
        }
        return text.ToString();
    }

    /// <summary>(after - before) / circuits for every type, largest first.</summary>
    private static List<(string Name, long Bytes, double Count)> TypeDiff(HeapSnapshot before, HeapSnapshot after, int circuits) =>
        after.Types.Keys.Union(before.Types.Keys)
            .Select(name =>
            {
                var a = after.Types.GetValueOrDefault(name);
                var b = before.Types.GetValueOrDefault(name);
                return (Name: name, Bytes: ((a?.Bytes ?? 0) - (b?.Bytes ?? 0)) / circuits, Count: ((a?.Count ?? 0) - (b?.Count ?? 0)) / (double)circuits);
            })
            .OrderByDescending(t => t.Bytes)
            .ToList();

    /// <summary>A rough owner of a type: MudBlazor, Blazor's components, SignalR, EF Core, the app, or the runtime.</summary>
    internal static string Area(string typeName)
    {
        // Anything that names these, whatever the outer collection: the owner is clear.
        (string Marker, string Area)[] byMarker =
        [
            ("MudBlazor", "MudBlazor"),
            ("System.Text.Json", "System.Text.Json (the circuit's JS interop serializer metadata)"),
            ("JsonPropertyInfo", "System.Text.Json (the circuit's JS interop serializer metadata)"),
            ("System.Reflection.Emit", "System.Reflection.Emit (JSON accessors compiled per circuit)"),
            ("DynamicResolver", "System.Reflection.Emit (JSON accessors compiled per circuit)"),
            ("RuntimeMethodInfoStub", "System.Reflection.Emit (JSON accessors compiled per circuit)"),
        ];
        foreach (var (marker, markerArea) in byMarker)
        {
            if (typeName.Contains(marker, StringComparison.Ordinal)) return markerArea;
        }
        // JsonSerializerOptions+CachingContext+CacheEntry: the runtime names nested types without their outer type.
        if (typeName is "CacheEntry" or "JsonPropertyInfoList") return byMarker[2].Area;
        var name = typeName;
        // For arrays and BCL collections, the element or first type argument says more than System.* does.
        while (true)
        {
            if (name.EndsWith("[]", StringComparison.Ordinal)) { name = name[..^2]; continue; }
            var lt = name.IndexOf('<');
            if (lt > 0 && (name.StartsWith("System.", StringComparison.Ordinal) || !name[..lt].Contains('.')))
            {
                var inner = name[(lt + 1)..^1];
                var depth = 0;
                var end = inner.Length;
                for (var i = 0; i < inner.Length; i++)
                {
                    if (inner[i] == '<') depth++;
                    else if (inner[i] == '>') depth--;
                    else if (inner[i] == ',' && depth == 0) { end = i; break; }
                }
                var first = inner[..end];
                if (first.StartsWith("System.String", StringComparison.Ordinal) && end < inner.Length) first = inner[(end + 1)..];
                name = first;
                continue;
            }
            break;
        }
        string[] areas =
        [
            "Microsoft.AspNetCore.Components.RenderTree", "Microsoft.AspNetCore.Components.Rendering",
            "Microsoft.AspNetCore.Components.Server", "Microsoft.AspNetCore.Components.Forms", "Microsoft.AspNetCore.Components",
            "Microsoft.AspNetCore.SignalR", "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Server.Kestrel",
            "Microsoft.EntityFrameworkCore", "Microsoft.Data.Sqlite", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Logging",
            "Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.Identity", "Microsoft.AspNetCore", "Microsoft.JSInterop",
            "MudBlazor", "IncidentPortal.Features", "IncidentPortal", "System.IO.Pipelines", "System.Net.WebSockets", "System.Threading",
            "System.Security.Claims", "System.String", "System.Byte", "System.Char", "System.Object", "System",
        ];
        foreach (var area in areas)
        {
            if (name.StartsWith(area, StringComparison.Ordinal))
            {
                if (area == "IncidentPortal.Features")
                {
                    var parts = name.Split('.');
                    return parts.Length > 2 ? $"IncidentPortal.Features.{parts[2]}" : area;
                }
                return area;
            }
        }
        return name.Contains('.') ? name[..name.IndexOf('.')] : $"(other) {name}";
    }

    private static async Task WriteTypesAsync(string path, IEnumerable<TypeStat> types)
    {
        var lines = types.OrderByDescending(t => t.Bytes).Select(t => $"{t.Bytes}\t{t.Count}\t{t.Name}");
        await File.WriteAllLinesAsync(path, ["bytes\tcount\ttype", .. lines]);
    }

    private static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) throw new ArgumentException($"unexpected argument '{args[i]}'");
            values[args[i][2..]] = args[++i];
        }
        string Get(string name, string? fallback = null) =>
            values.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required");

        var url = new Uri(Get("url"));
        // Only this machine's loopback: the app the wrapper started, never anything on the network.
        if (!(IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)) && url.Host != "localhost")
            throw new ArgumentException($"--url must be on 127.0.0.1 (got {url.Host})");
        var counts = Get("counts", "20,40").Split(',').Select(int.Parse).ToArray();
        if (counts.Length == 0 || counts.Any(c => c <= 0) || !counts.SequenceEqual(counts.Order().Distinct()))
            throw new ArgumentException("--counts must be increasing positive numbers, e.g. 20,40");
        return new Options(
            url, int.Parse(Get("pid"), CultureInfo.InvariantCulture), Get("out"), counts,
            Get("chromium", "/usr/bin/chromium"), Get("user", "agent@demo.local"), Get("password", "Demo!Pass1"),
            Get("path", "/queue"), Get("heading", "Queue"),
            int.Parse(Get("warmups", "1"), CultureInfo.InvariantCulture), int.Parse(Get("concurrency", "4"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Get("settle", "10"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Get("page-timeout", "90"), CultureInfo.InvariantCulture)),
            int.Parse(Get("top", "40"), CultureInfo.InvariantCulture));
    }

    private static string LoadAverage()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "?"; }
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:N1} MB");

    private static string Kb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:N0} KB");

    private static void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
