using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Features.StatusPage;

/// <summary>A migrated database with an incident manager, a reporter, status components and a real status service.</summary>
public sealed class StatusFixture : IAsyncDisposable
{
    public TestDatabase Database { get; private init; } = null!;
    public FakeTimeProvider Clock { get; } = new(TestClock.MondayMorning);
    public InProcessEventBus Events { get; } = new(NullLogger<InProcessEventBus>.Instance);
    public RecordingNoticeHook Notices { get; } = new();
    public StatusService Status { get; private set; } = null!;
    public IncidentService Incidents { get; private set; } = null!;
    public Actor Manager { get; private set; } = null!;
    public Actor Reporter { get; private set; } = null!;
    public int ChangedEvents { get; private set; }

    public static async Task<StatusFixture> CreateAsync(Func<StatusFixture, IIncidentSaveHook>? incidentHook = null)
    {
        var fixture = new StatusFixture { Database = await TestDatabase.CreateAsync() };
        var manager = await fixture.Database.AddUserAsync("manager");
        var reporter = await fixture.Database.AddUserAsync("reporter");
        fixture.Manager = new Actor(manager.Id, "Manager", true, true, false);
        fixture.Reporter = new Actor(reporter.Id, "Reporter", false, false, false);
        fixture.Status = fixture.NewStatusService();
        fixture.Incidents = new IncidentService(fixture.Database.Factory, new PriorityMatrixService(fixture.Database.Factory),
            fixture.Events, fixture.Clock, incidentHook is null ? [] : [incidentHook(fixture)]);
        fixture.Events.Subscribe<StatusPageChanged>(_ => { fixture.ChangedEvents++; return Task.CompletedTask; });
        return fixture;
    }

    public StatusService NewStatusService() => new(Database.Factory, Events, Clock, [Notices]);

    public async Task<int> AddComponentAsync(string name)
    {
        await using var db = Database.Factory.CreateDbContext();
        var component = StatusComponent.Create(name, null, "Core", 0, null, Clock.GetUtcNow().UtcDateTime);
        db.StatusComponents.Add(component);
        await db.SaveChangesAsync();
        return component.Id;
    }

    public async Task<int> ReportAsync(string title = "Mail is slow") =>
        (await Incidents.ReportAsync(Reporter, new IncidentDraft(title, null, Impact.High, Urgency.High, IncidentSource.Portal, null, null))).Id;

    /// <summary>An incident assigned to a team, so it can be resolved straight away.</summary>
    public async Task<int> ReportAssignedAsync(string title = "Mail is slow")
    {
        var id = await ReportAsync(title);
        int teamId;
        await using (var db = Database.Factory.CreateDbContext())
        {
            var team = new IncidentPortal.Features.Teams.Team { Name = "Team " + Guid.NewGuid().ToString("N")[..6] };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            teamId = team.Id;
        }
        await Incidents.ChangeAsync(Manager, id, null, new AssignIncident(teamId, null));
        return id;
    }

    public async Task<ComponentStatus> StatusOfAsync(int componentId)
    {
        await using var db = Database.Factory.CreateDbContext();
        return await db.StatusComponents.Where(c => c.Id == componentId).Select(c => c.Status).SingleAsync();
    }

    public async Task<List<ComponentStatusPeriod>> PeriodsAsync(int componentId)
    {
        await using var db = Database.Factory.CreateDbContext();
        return await db.ComponentStatusPeriods.Where(p => p.ComponentId == componentId).OrderBy(p => p.Id).ToListAsync();
    }

    public AppDbContext Db() => Database.Factory.CreateDbContext();

    public static IReadOnlyDictionary<int, ComponentStatus> Impacts(params (int Id, ComponentStatus Status)[] impacts) =>
        impacts.ToDictionary(i => i.Id, i => i.Status);

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

public sealed class RecordingNoticeHook : IStatusNoticeHook
{
    public List<StatusNotice> Seen { get; } = [];

    public Task BeforeSaveAsync(AppDbContext db, StatusNotice notice, CancellationToken ct)
    {
        lock (Seen) Seen.Add(notice);
        return Task.CompletedTask;
    }
}
