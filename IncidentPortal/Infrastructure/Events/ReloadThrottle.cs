namespace IncidentPortal.Infrastructure.Events;

/// <summary>
/// Turns a burst of change notifications into one reload: the first request starts a short wait, requests during
/// the wait join it, and a request arriving while the reload runs schedules the next one, so nothing is missed.
/// </summary>
public sealed class ReloadThrottle(TimeSpan wait, Func<Task> reload) : IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private int scheduled;

    public void Request()
    {
        if (Interlocked.Exchange(ref scheduled, 1) == 1) return;
        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        try
        {
            await Task.Delay(wait, stopping.Token);
            Volatile.Write(ref scheduled, 0);
            await reload();
        }
        catch (OperationCanceledException) { /* disposed */ }
        catch (ObjectDisposedException) { /* the page went away mid-reload */ }
    }

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }
}
