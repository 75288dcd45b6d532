using IncidentPortal.Features.DemoData;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Sla;
using IncidentPortal.Tests.Features.Incidents.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentPortal.Tests.Features.DemoData;

/// <summary>The bulk generator behind `seed-incidents`, on a real database with a small organisation.</summary>
public sealed class BulkIncidentGeneratorTests : IAsyncLifetime
{
    private const int Count = BulkIncidentGenerator.BatchSize + 321; // more than one batch
    private readonly QueueWorld world = new();

    public Task InitializeAsync() => world.InitializeAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task Generated_incidents_number_on_from_the_sequence_have_real_timelines_and_a_fifth_stay_open()
    {
        await using (var before = await world.Db.CreateDbContextAsync())
            Assert.Equal(9, await before.Incidents.CountAsync());

        var generator = new BulkIncidentGenerator(world.Db, world.Clock, NullLogger<BulkIncidentGenerator>.Instance);
        Assert.Equal(Count, await generator.GenerateAsync(Count));

        await using var db = await world.Db.CreateDbContextAsync();
        var numbers = await db.Incidents.OrderBy(i => i.Number).Select(i => i.Number).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 9 + Count), numbers);
        Assert.Equal(9 + Count, await db.NumberSequences.Where(s => s.Name == "Incident").Select(s => s.LastValue).SingleAsync());

        var generated = await db.Incidents.AsNoTracking().Include(i => i.Activities).Include(i => i.Service).Where(i => i.Number > 9).ToListAsync();
        Assert.All(generated, i =>
        {
            Assert.Equal(ActivityKind.Created, i.Activities.OrderBy(a => a.Id).First().Kind);
            Assert.Equal(i.Version, i.Activities.Max(a => a.IncidentVersion));
            Assert.True(i.CreatedAt <= i.UpdatedAt && i.UpdatedAt <= world.Clock.GetUtcNow().UtcDateTime);
            // Routed to the service's support team on arrival; assigned (to a team at least) once worked.
            if (i.Status == IncidentStatus.New) Assert.Equal(i.Service!.SupportTeamId, i.AssignmentGroupId);
            else if (i.Status != IncidentStatus.Cancelled) Assert.NotNull(i.AssignmentGroupId);
            if (i.Status is IncidentStatus.InProgress or IncidentStatus.OnHold) Assert.NotNull(i.AssigneeId);
            if (i.Status == IncidentStatus.Closed) Assert.NotNull(i.ClosedAt);
        });
        // Nothing left for the auto-closer (7 days by default) to catch up on when a portal starts on this database.
        var now = world.Clock.GetUtcNow().UtcDateTime;
        Assert.DoesNotContain(generated, i => i.Status == IncidentStatus.Resolved && now - i.ResolvedAt > TimeSpan.FromDays(7));
        var openShare = generated.Count(i => i.IsOpen) / (double)Count;
        Assert.InRange(openShare, 0.17, 0.23);
        Assert.True(generated.Select(i => i.Title).Distinct().Count() > 100, "Titles should vary.");
        Assert.Equal(5, generated.Select(i => i.Priority).Distinct().Count());
    }

    [Fact]
    public async Task Generated_incidents_carry_the_SLA_clocks_their_history_gives()
    {
        await using (var setup = await world.Db.CreateDbContextAsync())
            Assert.True(await SlaDefaults.EnsureAsync(setup, "Europe/London", default));
        await new BulkIncidentGenerator(world.Db, world.Clock, NullLogger<BulkIncidentGenerator>.Instance).GenerateAsync(300);

        await using var db = await world.Db.CreateDbContextAsync();
        var (defaultPolicy, byService) = await SlaPolicies.AllAsync(db, default);
        var now = world.Clock.GetUtcNow().UtcDateTime;
        var generated = await db.Incidents.AsNoTracking().Include(i => i.Activities).Where(i => i.Number > 9).ToListAsync();
        var clocks = (await db.SlaClocks.AsNoTracking().ToListAsync()).ToLookup(c => c.IncidentId);
        Assert.All(generated, incident =>
        {
            var policy = incident.ServiceId is { } s && byService.TryGetValue(s, out var own) ? own : defaultPolicy!;
            var target = policy.TargetFor(incident.Priority);
            var facts = SlaFacts.From(incident, incident.Activities);
            var stored = clocks[incident.Id].OrderBy(c => c.Kind).ToList();
            Assert.Equal([SlaClockKind.Response, SlaClockKind.Resolution], stored.Select(c => c.Kind));
            foreach (var clock in stored)
            {
                var expected = SlaClockCalculator.Compute(clock.Kind, facts, policy, target, target.Calendar!, now);
                Assert.Equal((expected.State, expected.DueAt, expected.StoppedAt, (int)expected.Elapsed.TotalSeconds),
                    (clock.State, clock.DueAt, clock.StoppedAt, clock.ElapsedSeconds ?? -1));
                // Past warnings and breaches count as announced: the watcher has nothing to catch up on.
                Assert.Null(clock.DueThreshold(now));
            }
        });
        // The mix a report needs: met, breached, cancelled and still-running clocks.
        var states = clocks.SelectMany(c => c).Select(c => c.State).ToHashSet();
        Assert.Superset(new HashSet<SlaClockState> { SlaClockState.Met, SlaClockState.Breached, SlaClockState.Cancelled }, states);
    }

    [Fact]
    public async Task The_next_reported_incident_takes_the_next_number()
    {
        await new BulkIncidentGenerator(world.Db, world.Clock, NullLogger<BulkIncidentGenerator>.Instance).GenerateAsync(50);

        var next = await world.Incidents.ReportAsync(world.Reporter,
            new IncidentDraft("After the bulk load", null, Impact.Low, Urgency.Low, IncidentSource.Portal, null, null));

        Assert.Equal(9 + 50 + 1, next.Number);
    }
}
