using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IncidentPortal.Infrastructure.Outbox;

/// <summary>Wakes the dispatcher when a message is saved, so deliveries go out at once rather than at the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim wake = new(0, 1);

    public void Notify()
    {
        if (wake.CurrentCount == 0)
        {
            try { wake.Release(); } catch (SemaphoreFullException) { /* already awake */ }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => wake.WaitAsync(timeout, ct);

    public void Dispose() => wake.Dispose();
}

/// <summary>Notices saves that queued outbox messages and wakes the dispatcher.</summary>
internal sealed class OutboxSaveInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context is AppDbContext db && db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.State == OutboxState.Pending))
            signal.Notify();
        return base.SavedChangesAsync(eventData, result, ct);
    }
}
