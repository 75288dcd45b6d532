namespace IncidentPortal.Infrastructure.Events;

/// <summary>
/// Turns change notifications into reloads of a live list, leading-edge: the first change after a quiet spell reloads at
/// once; changes that follow within <c>window</c> of that reload's start are coalesced into ONE trailing reload at the
/// window's end; a change arriving while a reload runs is never lost (it makes the next one).
/// The database work per page is bounded however hard the events come: one reload at a time, and reloads start at least
/// a window apart and, when the database is slow, a pause as long as the last reload took follows it, so a page never
/// spends more than half its time reloading.
/// </summary>
public sealed class ReloadThrottle : IDisposable
{
    /// <summary>
    /// The window of every live list: at ten changes a second each still shows at once, and a page reloads at most ten
    /// times a second however many changes arrive.
    /// </summary>
    public static readonly TimeSpan LiveListWindow = TimeSpan.FromMilliseconds(100);

    private readonly TimeSpan window;
    private readonly Func<Task> reload;
    private readonly TimeProvider clock;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private bool pending;
    private bool running;
    private long lastStart;
    private long lastEnd;
    private TimeSpan lastDuration;

    public ReloadThrottle(TimeSpan window, Func<Task> reload, TimeProvider? clock = null)
    {
        this.window = window;
        this.reload = reload;
        this.clock = clock ?? TimeProvider.System;
        lastStart = this.clock.GetTimestamp() - (long)(window.TotalSeconds * this.clock.TimestampFrequency) - 1;
    }

    /// <summary>Asks for a reload. Never blocks the caller (an event publisher): the reload runs on the thread pool.</summary>
    public void Request()
    {
        lock (gate)
        {
            if (stopping.IsCancellationRequested) return;
            pending = true;
            if (running) return;
            running = true;
        }
        ThreadPool.UnsafeQueueUserWorkItem(static self => _ = self.RunAsync(), this, preferLocal: false);
    }

    private async Task RunAsync()
    {
        try
        {
            while (true)
            {
                var wait = NextStartIn();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, stopping.Token);
                lock (gate)
                {
                    if (!pending || stopping.IsCancellationRequested)
                    {
                        running = false;
                        return;
                    }
                    // Cleared before the reload reads: a change committed after this point asks for the next reload.
                    pending = false;
                    lastStart = clock.GetTimestamp();
                }
                await reload();
                lastEnd = clock.GetTimestamp();
                lastDuration = clock.GetElapsedTime(lastStart, lastEnd);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // Disposed, or the page went away mid-reload.
        }
        finally
        {
            lock (gate) running = false;
        }
    }

    private TimeSpan NextStartIn()
    {
        var afterStart = window - clock.GetElapsedTime(lastStart);
        var afterEnd = lastDuration - clock.GetElapsedTime(lastEnd);
        return afterStart > afterEnd ? afterStart : afterEnd;
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (stopping.IsCancellationRequested) return;
            stopping.Cancel();
        }
        stopping.Dispose();
    }
}
