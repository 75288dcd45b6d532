using System.Diagnostics;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Infrastructure.Outbox;

/// <summary>
/// Delivers due outbox messages through their handlers. Each message is claimed with a conditional update before it
/// is handled, so several app instances on one database never deliver the same message at the same time; a claim
/// expires, so a message whose instance died mid-delivery is picked up again (delivery is at least once: handlers
/// send an id their receivers can de-duplicate on).
/// </summary>
public sealed class OutboxDispatcher(IDbContextFactory<AppDbContext> dbFactory, IEnumerable<IOutboxHandler> handlers,
    OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, IOutboxHandler> byKind = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    private readonly string instance = Truncate($"{Guid.NewGuid():N}@{Environment.MachineName}:{Environment.ProcessId}", 100);

    /// <summary>Longer than any one delivery may take (handlers time out well before), so a live claim never expires.</summary>
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);
    private const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more are waiting: go again at once.
                if (await DeliverDueAsync(stoppingToken) >= BatchSize) continue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Outbox delivery round failed; trying again shortly.");
            }
            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One round: claims and delivers what is due now. Returns how many messages it looked at.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct = default)
    {
        var now = Now;
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.State == OutboxState.Pending && m.DueAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .OrderBy(m => m.DueAt).ThenBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
        }
        if (due.Count == 0) return 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Parallelism), CancellationToken = ct },
            async (id, token) => await DeliverAsync(id, token));
        return due.Count;
    }

    private async Task DeliverAsync(long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.State == OutboxState.Pending && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, instance).SetProperty(m => m.ClaimedUntil, now + ClaimFor), ct);
        if (claimed == 0) return;
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct);

        var started = Stopwatch.GetTimestamp();
        Exception? failure = null;
        var giveUp = false;
        try
        {
            if (!byKind.TryGetValue(message.Kind, out var handler))
                throw new OutboxGiveUpException($"No handler delivers outbox messages of kind '{message.Kind}'.");
            await handler.HandleAsync(message, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: release the claim so the next start (or another instance) delivers it without waiting.
            await db.OutboxMessages.Where(m => m.Id == id && m.ClaimedBy == instance)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            failure = ex;
            giveUp = ex is OutboxGiveUpException || message.Attempts + 1 >= options.Value.MaxAttempts;
        }
        await RecordOutcomeAsync(db, message, failure, giveUp, ct);
        if (failure is not null)
            logger.Log(giveUp ? LogLevel.Error : LogLevel.Warning, failure,
                "Outbox {Kind} message {Id} failed (attempt {Attempt}, {Elapsed} ms); {Next}.", message.Kind, id, message.Attempts + 1,
                (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds, giveUp ? "giving up" : "will retry");
    }

    private async Task RecordOutcomeAsync(AppDbContext db, OutboxMessage message, Exception? failure, bool giveUp, CancellationToken ct)
    {
        var now = Now;
        var attempts = message.Attempts + 1;
        var query = db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimedBy == instance);
        if (failure is null)
        {
            await query.ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Sent).SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTime?)null), ct);
            return;
        }
        var error = Truncate($"{failure.GetType().Name}: {failure.Message}");
        var next = now + options.Value.RetryDelay(attempts);
        await query.ExecuteUpdateAsync(s => s.SetProperty(m => m.State, giveUp ? OutboxState.GaveUp : OutboxState.Pending)
            .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error).SetProperty(m => m.DueAt, next)
            .SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTime?)null), ct);
    }

    private static string Truncate(string text, int max = OutboxMessage.MaxErrorLength) => text.Length <= max ? text : text[..max];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
