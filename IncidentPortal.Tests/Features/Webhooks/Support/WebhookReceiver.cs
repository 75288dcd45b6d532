using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentPortal.Tests.Features.Webhooks.Support;

/// <summary>A request the receiver got, as it came over the wire.</summary>
public sealed record ReceivedWebhook(string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, a free port) that webhooks are delivered to. Each path answers with the
/// statuses queued for it, in turn (then 200), so a test can script "500, then 200".
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> scripts = new();
    private readonly ConcurrentDictionary<string, TimeSpan> delays = new();
    private readonly ConcurrentDictionary<string, Channel<ReceivedWebhook>> arrivals = new();

    private WebhookReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedWebhook> All { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public string Url(string path) => BaseUrl + path;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    /// <summary>The next requests to <paramref name="path"/> are answered with these statuses, in order.</summary>
    public void Answer(string path, params int[] statuses)
    {
        var queue = scripts.GetOrAdd(path, _ => new ConcurrentQueue<int>());
        foreach (var status in statuses) queue.Enqueue(status);
    }

    public void Delay(string path, TimeSpan delay) => delays[path] = delay;

    /// <summary>Waits for the next request to <paramref name="path"/> not yet returned by this method.</summary>
    public async Task<ReceivedWebhook> NextAsync(string path, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        try
        {
            return await Arrivals(path).Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No webhook arrived at {path}; got: {string.Join(", ", All.Select(r => r.Path))}");
        }
    }

    private Channel<ReceivedWebhook> Arrivals(string path) => arrivals.GetOrAdd(path, _ => Channel.CreateUnbounded<ReceivedWebhook>());

    public IReadOnlyList<ReceivedWebhook> At(string path) => All.Where(r => r.Path == path).ToList();

    private async Task HandleAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var path = context.Request.Path.Value ?? "/";
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var received = new ReceivedWebhook(path, headers, body);
        All.Enqueue(received);
        if (delays.TryGetValue(path, out var delay)) await Task.Delay(delay);
        var status = scripts.TryGetValue(path, out var queue) && queue.TryDequeue(out var scripted) ? scripted : 200;
        context.Response.StatusCode = status;
        if (status is >= 300 and < 400) context.Response.Headers.Location = BaseUrl + "/moved-here";
        await context.Response.WriteAsync(status < 400 ? "thanks" : $"nope {status}");
        Arrivals(path).Writer.TryWrite(received);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
