using System.Diagnostics;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Sla;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.DemoData;

/// <summary>
/// Inserts many believable incidents quickly, for load tests and benchmarks: spread over the last two years,
/// routed to the services' support teams, each walked through the lifecycle by the entity's own methods so the
/// timeline is real, with the SLA clocks the save hook would have stored. A fifth stay open (a heavy backlog, on purpose). Batched, one transaction per batch, with a
/// block of numbers reserved from the NumberSequences row per batch, so later incidents number on from there.
/// Publishes no events: pages see the new incidents on their next load.
/// </summary>
public sealed class BulkIncidentGenerator(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<BulkIncidentGenerator> logger)
{
    public const int BatchSize = 2_000;

    /// <returns>How many incidents were inserted.</returns>
    public async Task<int> GenerateAsync(int count, int seed = 20261123, double openShare = 0.2, int days = 730, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var organisation = await BulkOrganisation.LoadAsync(dbFactory, ct);
        var policies = await LoadPoliciesAsync(ct);
        var random = new Random(seed);
        var now = clock.GetUtcNow().UtcDateTime;
        var start = now.AddDays(-days);
        var step = (now - start) / count;
        var watch = Stopwatch.StartNew();

        for (var done = 0; done < count;)
        {
            var size = Math.Min(BatchSize, count - done);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Database.OpenConnectionAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var first = await IncidentNumbers.ReserveAsync(db, size, ct);
            using var incidents = BulkRowWriter.For<Incident>(db);
            using var activities = BulkRowWriter.For<IncidentActivity>(db);
            using var clocks = BulkRowWriter.For<SlaClock>(db);
            for (var k = 0; k < size; k++)
            {
                var created = start + step * (done + k) + TimeSpan.FromSeconds(random.Next(0, (int)Math.Max(1, step.TotalSeconds)));
                var incident = organisation.Make(random, first + k, created, now, openShare);
                var id = await incidents.InsertAsync(incident, null, ct);
                var parent = new Dictionary<string, object?> { [nameof(IncidentActivity.IncidentId)] = (int)id!.Value };
                foreach (var activity in incident.Activities) await activities.InsertAsync(activity, parent, ct);
                foreach (var slaClock in ClocksFor(incident, policies, now)) await clocks.InsertAsync(slaClock, parent, ct);
            }
            await transaction.CommitAsync(ct);
            done += size;
            if (done % 20_000 == 0 || done == count)
                logger.LogInformation("Generated {Done:N0} of {Count:N0} incidents ({Rate:N0}/s).", done, count, done / watch.Elapsed.TotalSeconds);
        }
        return count;
    }

    private async Task<(SlaPolicy? Default, Dictionary<int, SlaPolicy> ByService)> LoadPoliciesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await SlaPolicies.AllAsync(db, ct);
    }

    /// <summary>The clocks <see cref="SlaClockHook"/> would store for the finished walk, computed from the same history.</summary>
    private static List<SlaClock> ClocksFor(Incident incident, (SlaPolicy? Default, Dictionary<int, SlaPolicy> ByService) policies, DateTime now)
    {
        var policy = incident.ServiceId is { } s && policies.ByService.TryGetValue(s, out var own) ? own : policies.Default;
        var written = new List<SlaClock>();
        if (policy is null) return written;
        SlaClockWriter.Write(incident, [], c => { written.Add(c); return c; }, SlaFacts.From(incident, incident.Activities), policy, now, explain: null);
        // Warnings and breaches in the past were announced when they happened, as the watcher would have done: a
        // loaded database must not start the portal with tens of thousands of announcements (and pages) to catch up.
        foreach (var slaClock in written)
        {
            while (slaClock.DueThreshold(now) is { } threshold)
                slaClock.MarkAnnounced(threshold, (threshold == SlaThreshold.Breach ? slaClock.DueAt : slaClock.WarnAt) ?? now);
        }
        return written;
    }
}
