namespace IncidentPortal.Infrastructure.Events;

/// <summary>
/// Lets a live page's reload last until the browser has applied what it rendered: Blazor Server runs
/// <c>OnAfterRender</c> only once the client has acknowledged the render batch. A <see cref="ReloadThrottle"/> timing
/// such a reload paces itself by the whole trip, browser included, so a slow browser or a busy server means fewer,
/// larger reloads instead of a backlog of render batches that makes every row late.
/// </summary>
public sealed class RenderShown(TimeProvider? clock = null)
{
    /// <summary>Past this the reload counts as done anyway (a circuit that went away never acknowledges).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private TaskCompletionSource? pending;

    /// <summary>Call before StateHasChanged; completes after the next render is shown, or after <see cref="Timeout"/>.</summary>
    public async Task NextAsync()
    {
        var shown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref pending, shown)?.TrySetResult();
        try { await shown.Task.WaitAsync(Timeout, clock ?? TimeProvider.System); }
        catch (TimeoutException) { /* counted as shown */ }
    }

    /// <summary>Renders (the component's StateHasChanged) and completes once the browser has applied it.</summary>
    public async Task RenderAsync(Action stateHasChanged)
    {
        var applied = NextAsync();
        stateHasChanged();
        await applied;
    }

    /// <summary>Call from OnAfterRender(Async).</summary>
    public void Rendered() => Interlocked.Exchange(ref pending, null)?.TrySetResult();
}
