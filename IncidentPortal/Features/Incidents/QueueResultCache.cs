using System.Collections.Concurrent;
using IncidentPortal.Infrastructure.Events;

namespace IncidentPortal.Features.Incidents;

/// <summary>
/// Queue results shared by every open queue page that asks the same thing between two incident changes. A change
/// reloads every open queue at once: ten agents on "All open" asked the database the same ten queries each, and at
/// ten changes a second that alone took more than a core (IncidentPortal.Benchmarks/live-latency.sh). Now the first
/// page to ask computes and the others await the same task.
/// </summary>
/// <remarks>
/// An entry serves only while no incident event has been published since it was started (the change it would miss
/// is then on its way to every page, which asks again) and for at most <see cref="MaxAge"/>, so what no incident event
/// announces (team membership, an SLA clock coming due) is never older than that.
/// </remarks>
public sealed class QueueResultCache : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    private const int TrimAbove = 512;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;
    private readonly IDisposable? subscription;
    private long generation;

    public QueueResultCache(IEventBus? events = null, TimeProvider? clock = null)
    {
        this.clock = clock ?? TimeProvider.System;
        subscription = events?.Subscribe<IncidentEvent>(_ =>
        {
            Interlocked.Increment(ref generation);
            return Task.CompletedTask;
        });
    }

    /// <summary>The shared result for <paramref name="key"/>, computed by <paramref name="compute"/> when none is current.
    /// The computation is not cancelled by one caller leaving: the others may still be waiting for it.</summary>
    public async Task<T> GetAsync<T>(string key, Func<CancellationToken, Task<T>> compute, CancellationToken ct)
    {
        var now = clock.GetTimestamp();
        var current = Volatile.Read(ref generation);
        if (entries.TryGetValue(key, out var entry) && entry.Generation == current && clock.GetElapsedTime(entry.Started, now) < MaxAge
            && !entry.Value.IsFaulted && !entry.Value.IsCanceled)
        {
            return (T)await entry.Value.WaitAsync(ct);
        }
        var fresh = new Entry(current, now, Box(compute));
        entries[key] = fresh;
        if (entries.Count > TrimAbove) Trim(now);
        return (T)await fresh.Value.WaitAsync(ct);
    }

    private static async Task<object> Box<T>(Func<CancellationToken, Task<T>> compute) => (await compute(CancellationToken.None))!;

    private void Trim(long now)
    {
        foreach (var (key, entry) in entries)
        {
            if (clock.GetElapsedTime(entry.Started, now) >= MaxAge) entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }
    }

    public void Dispose() => subscription?.Dispose();

    private sealed record Entry(long Generation, long Started, Task<object> Value);
}
