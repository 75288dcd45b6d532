namespace IncidentPortal.Features.Reports.Pages;

/// <summary>
/// One section's figures as they arrive: each section loads on its own, so the page shows each the moment it is ready
/// (a skeleton until then) and a slow or failing one does not hold up the rest.
/// </summary>
public sealed class SectionLoad<T> where T : class
{
    public T? Result { get; private set; }
    public string? Error { get; private set; }
    public bool Loading { get; private set; }

    /// <summary>Starts loading; <paramref name="changed"/> is called (on any thread) when the result or error is in.</summary>
    public async Task RunAsync(Func<CancellationToken, Task<T>> load, Func<Task> changed, CancellationToken ct)
    {
        (Loading, Error) = (true, null);
        try
        {
            // On the thread pool: SQLite's async calls complete synchronously, so on the circuit's own thread the
            // sections would run one after another and show together, when the slowest had finished.
            var result = await Task.Run(() => load(ct), ct);
            if (ct.IsCancellationRequested) return;
            Result = result;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return; // a newer filter replaced this load
        }
        catch (UnauthorizedAccessException)
        {
            Error = "This section is for incident managers and admins.";
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.Data.Common.DbException)
        {
            Error = "These figures could not be loaded. Try again in a moment.";
        }
        Loading = false;
        await changed();
    }
}
