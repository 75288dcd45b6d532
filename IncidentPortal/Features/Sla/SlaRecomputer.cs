using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Sla;

/// <summary>
/// After a policy or calendar change, recomputes the clocks of every open incident from its history, in batches (each
/// its own unit of work, so memory stays flat and other writers are never blocked for long). It runs as an outbox
/// message queued in the admin change's own transaction: it happens once even if the app restarts half-way (a batch
/// is idempotent: recomputing twice gives the same clocks), and only one instance runs it.
/// </summary>
public sealed class SlaRecomputer(IDbContextFactory<AppDbContext> dbFactory, IEventBus events, TimeProvider clock,
    ILogger<SlaRecomputer> logger) : IOutboxHandler
{
    public const string OutboxKind = "sla-recompute";
    public const int BatchSize = 500;

    public sealed record Request(string Reason);

    public string Kind => OutboxKind;

    public static void Enqueue(AppDbContext db, string reason, DateTime now) => Outbox.Enqueue(db, OutboxKind, new Request(reason), now);

    public Task HandleAsync(OutboxMessage message, CancellationToken ct) =>
        RecomputeOpenAsync(message.PayloadAs<Request>()?.Reason ?? "a policy change", ct);

    /// <summary>Returns how many open incidents were recomputed and on how many a due time moved.</summary>
    public async Task<(int Incidents, int Moved)> RecomputeOpenAsync(string reason, CancellationToken ct = default)
    {
        var (total, moved, afterId) = (0, 0, 0);
        while (true)
        {
            var (count, movedHere, lastId) = await RecomputeBatchAsync(reason, afterId, ct);
            if (count == 0) break;
            (total, moved, afterId) = (total + count, moved + movedHere, lastId);
        }
        logger.LogInformation("Recomputed SLA clocks of {Count} open incident(s) after {Reason}; {Moved} moved.", total, reason, moved);
        await events.PublishAsync(new SlaClocksRecomputed(total, moved));
        return (total, moved);
    }

    private async Task<(int Count, int Moved, int LastId)> RecomputeBatchAsync(string reason, int afterId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var (defaultPolicy, byService) = await SlaPolicies.AllAsync(db, ct);
            var batch = await db.Incidents.Where(i => i.Id > afterId && IncidentLifecycle.OpenStatuses.Contains(i.Status))
                .OrderBy(i => i.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) return (0, 0, afterId);
            var ids = batch.Select(i => i.Id).ToList();
            var history = (await db.IncidentActivities.AsNoTracking()
                    .Where(a => ids.Contains(a.IncidentId) && a.Kind == ActivityKind.StatusChanged).ToListAsync(ct))
                .ToLookup(a => a.IncidentId);
            var clocks = (await db.SlaClocks.Where(c => ids.Contains(c.IncidentId)).ToListAsync(ct)).ToLookup(c => c.IncidentId);
            var now = clock.GetUtcNow().UtcDateTime;
            var moved = 0;
            foreach (var incident in batch)
            {
                var policy = incident.ServiceId is { } s && byService.TryGetValue(s, out var own) ? own : defaultPolicy;
                if (policy is null) continue;
                var before = incident.Version;
                SlaClockWriter.Write(incident, clocks[incident.Id].ToList(), c => db.SlaClocks.Add(c).Entity,
                    SlaFacts.From(incident, history[incident.Id]), policy, now, reason);
                if (incident.Version != before) moved++;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return (batch.Count, moved, ids[^1]);
            }
            // Someone changed one of these incidents meanwhile (their own save recomputed its clocks): redo the batch.
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
            }
        }
    }
}
