using System.Text;
using Microsoft.Playwright;

namespace IncidentPortal.Benchmarks.LiveLatency;

/// <summary>
/// The browser side of the live-latency run: one sign-in, N pages of one live list, each interactive (its circuit has
/// sent a render batch) and watching its own DOM for the probe titles, recording when each first appeared.
/// </summary>
internal sealed class LivePages(IBrowserContext context, string path, string heading) : IAsyncDisposable
{
    private readonly List<IPage> pages = [];

    public int Count => pages.Count;

    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        // Every page stays a foreground page: a throttled background tab would measure Chromium, not the portal.
        "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
    ];

    /// <summary>
    /// Records the first moment (Unix ms, sub-ms precision) each probe title appears in the page, from added nodes and
    /// from text changed in place (a list may reuse its rows' elements). What is there already counts as seen at once.
    /// </summary>
    private const string WatchScript = """
        (prefix) => {
            const seen = new Map();
            window.__liveSeen = seen;
            window.__livePrefix = prefix;
            window.__liveArrived = new Map();
            const re = new RegExp(prefix + '-\\d+', 'g');
            const note = text => {
                if (!text || text.indexOf(prefix) < 0) return;
                const at = performance.timeOrigin + performance.now();
                for (const m of text.match(re) ?? []) if (!seen.has(m)) seen.set(m, at);
            };
            note(document.body.textContent);
            window.__liveObserver?.disconnect();
            window.__liveObserver = new MutationObserver(records => {
                for (const r of records) {
                    if (r.type === 'characterData') note(r.target.textContent);
                    else for (const n of r.addedNodes) note(n.textContent);
                }
            });
            window.__liveObserver.observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    /// <summary>
    /// Runs before the page's own scripts: notes when a message carrying a probe title reaches the page's socket (the
    /// render batch with the new row), before the page has applied it. The gap to <see cref="WatchScript"/>'s time
    /// is the browser's share of the delay; this one is the server's and the network's.
    /// </summary>
    private const string SocketScript = """
        (() => {
            const Native = window.WebSocket;
            const decoder = new TextDecoder('utf-8');
            window.__liveArrived = new Map();
            window.WebSocket = class extends Native {
                constructor(...args) {
                    super(...args);
                    this.addEventListener('message', e => {
                        const prefix = window.__livePrefix;
                        if (!prefix) return;
                        const at = performance.timeOrigin + performance.now();
                        const text = typeof e.data === 'string' ? e.data : decoder.decode(e.data);
                        if (text.indexOf(prefix) < 0) return;
                        for (const m of text.match(new RegExp(prefix + '-\\d+', 'g')) ?? [])
                            if (!window.__liveArrived.has(m)) window.__liveArrived.set(m, at);
                    });
                }
            };
        })();
        """;

    private const string ReadyScript = """
        ([path, heading]) => {
            if (location.pathname !== path || window.Blazor === undefined) return false;
            const modal = document.getElementById('components-reconnect-modal');
            if (modal && /components-reconnect-(show|failed|rejected|retrying|paused)/.test(modal.className)) return false;
            return [...document.querySelectorAll('h1')].some(h => h.textContent.trim() === heading);
        }
        """;

    public static async Task<string> SignInAsync(IBrowser browser, Uri baseUrl, string email, string password)
    {
        await using var signIn = await browser.NewContextAsync(new() { BaseURL = baseUrl.ToString() });
        var page = await signIn.NewPageAsync();
        // Lands on a static Identity page, so signing in starts no circuit.
        await page.GotoAsync("/Account/Login?ReturnUrl=%2FAccount%2FManage");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase),
            new() { WaitUntil = WaitUntilState.Commit });
        var state = await signIn.StorageStateAsync();
        await page.CloseAsync();
        return state;
    }

    public async Task OpenAsync(int count, string prefix)
    {
        if (pages.Count == 0) await context.AddInitScriptAsync(SocketScript);
        for (var i = pages.Count; i < count; i++) pages.Add(await OpenOneAsync(prefix));
    }

    private async Task<IPage> OpenOneAsync(string prefix)
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
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await rendered.Task.WaitAsync(TimeSpan.FromSeconds(90));
        var pathOnly = path.Split('?')[0];
        await page.WaitForFunctionAsync(ReadyScript, new object[] { pathOnly, heading }, new() { PollingInterval = 100 });
        // The first render batch may still be followed by the list's own load: let it land before watching.
        await Task.Delay(500);
        await page.EvaluateAsync(WatchScript, prefix);
        return page;
    }

    /// <summary>Starts a new measurement: forgets what was seen and watches for another prefix.</summary>
    public async Task WatchAsync(string prefix)
    {
        foreach (var page in pages) await page.EvaluateAsync(WatchScript, prefix);
    }

    /// <summary>What each page saw: probe title → Unix ms when it first appeared.</summary>
    public Task<List<Dictionary<string, double>>> SeenAsync() => ReadAsync("window.__liveSeen");

    /// <summary>What reached each page's socket: probe title → Unix ms when the message carrying it arrived.</summary>
    public Task<List<Dictionary<string, double>>> ArrivedAsync() => ReadAsync("window.__liveArrived");

    private async Task<List<Dictionary<string, double>>> ReadAsync(string map)
    {
        var result = new List<Dictionary<string, double>>();
        foreach (var page in pages)
        {
            result.Add(await page.EvaluateAsync<Dictionary<string, double>>($"() => Object.fromEntries({map})"));
        }
        return result;
    }

    public async Task<int> LostAsync()
    {
        var lost = 0;
        foreach (var page in pages)
        {
            if (!await page.EvaluateAsync<bool>(ReadyScript, new object[] { path.Split('?')[0], heading })) lost++;
        }
        return lost;
    }

    /// <summary>Ends each circuit as a closing tab does (blazor.web.js only sends its beacon from an unload listener).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var page in pages)
        {
            try
            {
                await page.EvaluateAsync("() => window.Blazor?.disconnect?.()");
                await page.CloseAsync();
            }
            catch (PlaywrightException) { /* already gone */ }
        }
    }
}
