using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Features.Incidents;

/// <summary>Hooks run inside the change's unit of work; system changes are recorded as the system.</summary>
public sealed class IncidentSaveHookTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private readonly RecordingHook hook = new();
    private IncidentService incidents = null!;
    private IncidentPortal.Features.Accounts.Actor reporter = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        var user = await database.AddUserAsync("reporter");
        reporter = new(user.Id, "Reporter", false, false, false);
        incidents = new IncidentService(database.Factory, new PriorityMatrixService(database.Factory),
            new InProcessEventBus(NullLogger<InProcessEventBus>.Instance), new FakeTimeProvider(TestClock.MondayMorning), [hook]);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Hooks_see_new_incidents_with_their_id_and_what_they_record_commits_with_the_report()
    {
        var incident = await ReportAsync();

        var seen = Assert.Single(hook.Seen);
        Assert.True(seen.IsNew);
        Assert.Equal(incident.Id, seen.IncidentId);
        var stored = await StoredAsync(incident.Id);
        Assert.Contains(stored.Activities, a => a.Kind == ActivityKind.Event && a.Field == "Test" && a.Text == $"Hook saw #{incident.Id}");
    }

    [Fact]
    public async Task A_failing_hook_leaves_no_half_written_change()
    {
        var incident = await ReportAsync();
        hook.Fail = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            incidents.ChangeAsync(reporter, incident.Id, null, new AddComment("Any news?", IsPublic: true)));

        var stored = await StoredAsync(incident.Id);
        Assert.DoesNotContain(stored.Activities, a => a.Kind == ActivityKind.PublicComment);
    }

    [Fact]
    public async Task A_system_change_is_recorded_without_an_actor_and_can_be_abandoned_by_its_same_transaction_work()
    {
        var incident = await ReportAsync();

        var updated = await incidents.ChangeAsSystemAsync(incident.Id, new RecordIncidentEvent("SLA", "Response target at 75 %"));
        var abandoned = await incidents.ChangeAsSystemAsync(incident.Id, new RecordIncidentEvent("SLA", "Fired twice"),
            (_, _, _) => Task.FromResult(false));

        Assert.NotNull(updated);
        Assert.Equal(IncidentService.SystemName, updated.ActorName);
        Assert.Equal(["Response target at 75 %"], updated.Changes);
        Assert.Null(abandoned);
        var events = (await StoredAsync(incident.Id)).Activities.Where(a => a.Field == "SLA").ToList();
        var recorded = Assert.Single(events);
        Assert.Null(recorded.ActorId);
        Assert.False(recorded.IsPublic);
    }

    private async Task<Incident> ReportAsync() =>
        await incidents.ReportAsync(reporter, new IncidentDraft("Printer on fire", null, Impact.Low, Urgency.Low, IncidentSource.Portal, null, null));

    private async Task<Incident> StoredAsync(int id)
    {
        await using var db = database.Factory.CreateDbContext();
        return await db.Incidents.AsNoTracking().Include(i => i.Activities).SingleAsync(i => i.Id == id);
    }

    private sealed class RecordingHook : IIncidentSaveHook
    {
        public List<(int IncidentId, bool IsNew)> Seen { get; } = [];
        public bool Fail { get; set; }

        public Task BeforeSaveAsync(IncidentSaveContext context, CancellationToken ct)
        {
            if (Fail) throw new InvalidOperationException("hook failed");
            Seen.Add((context.Incident.Id, context.IsNew));
            if (context.IsNew) context.Incident.RecordEvent(new ChangeContext(null, context.Now, true), "Test", $"Hook saw #{context.Incident.Id}");
            return Task.CompletedTask;
        }
    }
}
