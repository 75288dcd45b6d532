using System.Threading.Channels;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.StatusPage.Public;

/// <summary>
/// Holds the last known <see cref="StatusSnapshot"/>. Rebuilt on every <see cref="StatusPageChanged"/> (bursts coalesce)
/// and every <see cref="StatusPublicOptions.RefreshSeconds"/>; when the database cannot be read the previous snapshot
/// stays and <see cref="FailingSince"/> says since when, and the next attempt comes sooner so it recovers by itself.
/// After a change it evicts the output cache tag and then tells live viewers, so their re-fetch gets fresh HTML.
/// </summary>
public sealed class StatusSnapshotStore(IDbContextFactory<AppDbContext> dbs, TimeProvider clock, IEventBus bus,
    IOutputCacheStore outputCache, StatusBroadcaster broadcaster, IOptions<StatusPublicOptions> options,
    ILogger<StatusSnapshotStore> logger) : BackgroundService
{
    public const string CacheTag = "status-page";

    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim refreshing = new(1, 1);

    /// <summary>The last snapshot read successfully; null until the first read succeeds.</summary>
    public StatusSnapshot? Current { get; private set; }
    /// <summary>When reading the database first failed in the current run of failures; null when healthy.</summary>
    public DateTime? FailingSince { get; private set; }
    /// <summary>Changes whenever anything the public outputs show changes: live viewers compare it.</summary>
    public long Version { get; private set; }

    /// <summary>The snapshot, reading it first if none was read yet (the first request after start-up).</summary>
    public async Task<StatusSnapshot?> GetAsync(CancellationToken ct)
    {
        if (Current is null) await RefreshAsync(ct);
        return Current;
    }

    /// <summary>Reads a fresh snapshot; returns whether what the public sees changed (and if so evicts and broadcasts).</summary>
    public async Task<bool> RefreshAsync(CancellationToken ct = default)
    {
        await refreshing.WaitAsync(ct);
        try
        {
            var wasFailing = FailingSince is not null;
            StatusSnapshot next;
            try
            {
                await using var db = await dbs.CreateDbContextAsync(ct);
                next = await StatusSnapshotReader.ReadAsync(db, clock.GetUtcNow().UtcDateTime, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                FailingSince ??= clock.GetUtcNow().UtcDateTime;
                logger.LogWarning(ex, "Reading the status page failed; serving the snapshot of {BuiltAt}.", Current?.BuiltAt);
                if (!wasFailing) await ChangedAsync(ct);
                return !wasFailing;
            }
            var changed = wasFailing || Current is null || !SameContent(Current, next);
            FailingSince = null;
            Current = next;
            if (changed) await ChangedAsync(ct);
            return changed;
        }
        finally
        {
            refreshing.Release();
        }
    }

    private async Task ChangedAsync(CancellationToken ct)
    {
        Version++;
        await outputCache.EvictByTagAsync(CacheTag, ct);
        broadcaster.Broadcast(Version);
    }

    // Two reads show the same thing when everything but the read time is equal (records compare by value; lists are
    // compared through their JSON, which is cheap at status-page sizes and runs only on a refresh).
    private static bool SameContent(StatusSnapshot a, StatusSnapshot b) =>
        System.Text.Json.JsonSerializer.Serialize(a with { BuiltAt = default }) == System.Text.Json.JsonSerializer.Serialize(b with { BuiltAt = default });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = bus.Subscribe<StatusPageChanged>(_ => { wake.Writer.TryWrite(true); return Task.CompletedTask; });
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Refreshing the status page failed.");
            }
            var wait = TimeSpan.FromSeconds(FailingSince is null ? options.Value.RefreshSeconds : options.Value.RetrySeconds);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(wait);
            try { await wake.Reader.ReadAsync(timeout.Token); }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
        }
    }
}

public sealed class StatusPublicOptions
{
    /// <summary>The page's name in the banner, the summary and the feed.</summary>
    public string Name { get; set; } = "IncidentPortal";
    /// <summary>Re-read even without a change event, so the uptime bars roll over and another instance's changes show.</summary>
    public int RefreshSeconds { get; set; } = 60;
    /// <summary>How soon to try again while the database cannot be read.</summary>
    public int RetrySeconds { get; set; } = 3;
    /// <summary>How long browsers and proxies may keep a page or the summary.</summary>
    public int MaxAgeSeconds { get; set; } = 5;
    /// <summary>Live viewers at once; further ones get 503 and their browser retries (plain pages still work).</summary>
    public int MaxLiveViewers { get; set; } = 10_000;
}
