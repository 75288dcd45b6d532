using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.StatusPage.Public;

/// <summary>
/// /status/events: a Server-Sent Events stream telling live viewers the page's version whenever it changes (they then
/// re-fetch the cached board). A comment every 20 s keeps proxies from closing an idle stream.
/// </summary>
public static class StatusEventStream
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    public static async Task RunAsync(HttpContext http, StatusBroadcaster broadcaster, StatusSnapshotStore store,
        IOptions<StatusPublicOptions> options, CancellationToken ct)
    {
        using var viewer = broadcaster.Join(options.Value.MaxLiveViewers);
        var response = http.Response;
        response.Headers.CacheControl = "no-store";
        if (viewer is null)
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.RetryAfter = "30";
            return;
        }
        response.ContentType = "text/event-stream";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.WriteAsync($"retry: 3000\nevent: version\ndata: {store.Version}\n\n", ct);
        await response.Body.FlushAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                wait.CancelAfter(Heartbeat);
                string message;
                try
                {
                    var version = await viewer.Versions.ReadAsync(wait.Token);
                    message = $"event: version\ndata: {version}\n\n";
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    message = ": keep-alive\n\n";
                }
                await response.WriteAsync(message, ct);
                await response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) { }
        catch (IOException) { }
    }
}
