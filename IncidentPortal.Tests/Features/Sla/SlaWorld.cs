using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Sla;
using IncidentPortal.Features.Teams;
using IncidentPortal.Infrastructure;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Features.Sla;

/// <summary>
/// The SLA parts wired by hand on a migrated SQLite file, with the default policy (P3: 2h response / 16h resolution in
/// London office hours; P1: 15m / 4h around the clock) and a fake clock at Monday 23 Nov 2026 09:00 UTC (= London time).
/// <see cref="Instance"/> builds a further "app instance" (its own services) on the same database.
/// </summary>
public sealed class SlaWorld : IAsyncDisposable
{
    public TestDatabase Database { get; private init; } = null!;
    public FakeTimeProvider Clock { get; } = new(TestClock.MondayMorning);
    public List<object> Published { get; } = [];
    public Actor Reporter { get; private set; } = null!;
    public Actor Agent { get; private set; } = null!;
    public string TeammateId { get; private set; } = "";
    public int TeamId { get; private set; }
    public int ServiceId { get; private set; }

    public static async Task<SlaWorld> CreateAsync()
    {
        var world = new SlaWorld { Database = await TestDatabase.CreateAsync() };
        var reporter = await world.Database.AddUserAsync("reporter");
        var agent = await world.Database.AddUserAsync("agent");
        var teammate = await world.Database.AddUserAsync("teammate");
        world.Reporter = new Actor(reporter.Id, "Reporter", false, false, false);
        world.Agent = new Actor(agent.Id, "Agent", true, false, false);
        world.TeammateId = teammate.Id;
        await using var db = world.Database.Factory.CreateDbContext();
        var team = new Team { Name = "Service Desk", Description = "" };
        team.Members.AddRange(await db.Users.Where(u => u.Id == agent.Id || u.Id == teammate.Id).ToListAsync());
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        world.TeamId = team.Id;
        var service = new IncidentPortal.Features.Catalog.BusinessService { Name = "VPN", Description = "VPN", SupportTeamId = team.Id };
        db.Services.Add(service);
        await db.SaveChangesAsync();
        world.ServiceId = service.Id;
        await SlaDefaults.EnsureAsync(db, "Europe/London", default);
        return world;
    }

    /// <summary>One app instance's services over the shared database.</summary>
    public Instance NewInstance(double watchSeconds = 1)
    {
        var bus = new InProcessEventBus(NullLogger<InProcessEventBus>.Instance);
        bus.Subscribe<SlaThresholdReached>(e => { lock (Published) Published.Add(e); return Task.CompletedTask; });
        var incidents = new IncidentService(Database.Factory, new PriorityMatrixService(Database.Factory), bus, Clock, [new SlaClockHook()]);
        var notifier = new Notifier(Database.Factory, bus, Clock, Options.Create(new PortalOptions()));
        var watcher = new SlaWatcher(Database.Factory, incidents, notifier, bus, Clock,
            Options.Create(new SlaOptions { WatchSeconds = watchSeconds }), NullLogger<SlaWatcher>.Instance);
        var recomputer = new SlaRecomputer(Database.Factory, bus, Clock, NullLogger<SlaRecomputer>.Instance);
        return new Instance(incidents, watcher, recomputer, new SlaAdminService(Database.Factory, Clock), new SlaQueries(Database.Factory, Clock));
    }

    public sealed record Instance(IncidentService Incidents, SlaWatcher Watcher, SlaRecomputer Recomputer, SlaAdminService Admin, SlaQueries Queries);

    /// <summary>Reported on the VPN service, so it is routed to the team (no agent has responded yet).</summary>
    public Task<Incident> ReportAsync(Instance app, Impact impact = Impact.Medium, Urgency urgency = Urgency.Medium, string title = "VPN drops") =>
        app.Incidents.ReportAsync(Reporter, new IncidentDraft(title, null, impact, urgency, IncidentSource.Portal, ServiceId, null));

    public async Task<List<SlaClock>> ClocksAsync(int incidentId)
    {
        await using var db = Database.Factory.CreateDbContext();
        return (await db.SlaClocks.AsNoTracking().Where(c => c.IncidentId == incidentId).ToListAsync()).OrderBy(c => c.Kind).ToList();
    }

    public async Task<List<IncidentActivity>> SlaEntriesAsync(int incidentId)
    {
        await using var db = Database.Factory.CreateDbContext();
        return await db.IncidentActivities.AsNoTracking().Where(a => a.IncidentId == incidentId && a.Field == SlaClockWriter.Topic)
            .OrderBy(a => a.Id).ToListAsync();
    }

    public async Task<List<Notification>> NotificationsAsync(int incidentId)
    {
        await using var db = Database.Factory.CreateDbContext();
        return await db.Notifications.AsNoTracking().Where(n => n.IncidentId == incidentId).OrderBy(n => n.Id).ToListAsync();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
