using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Routing;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.Routing;

/// <summary>Auto-assignment in the real app: on report after routing, on a move to another team, and across two app instances.</summary>
public sealed class AutoAssignmentTests : IAsyncLifetime
{
    private readonly PortalFactory app = new();
    private RoutingWorld world = null!;

    public async Task InitializeAsync() => world = await RoutingWorld.CreateAsync(app);

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Round_robin_rotates_over_available_members_skips_unavailable_ones_and_notifies_the_assignee()
    {
        var dana = await world.AgentAsync("dana", world.Network, available: true);
        var sam = await world.AgentAsync("sam", world.Network, available: true);
        await world.AgentAsync("jo", world.Network, available: false);
        Assert.True((await world.AutoAssign.SetModeAsync(world.Admin, world.Network, AutoAssignMode.RoundRobin)).Succeeded);

        var announced = new System.Collections.Concurrent.ConcurrentQueue<NotificationsCreated>();
        using var listening = app.Services.GetRequiredService<IEventBus>().Subscribe<NotificationsCreated>(n => { announced.Enqueue(n); return Task.CompletedTask; });
        var assignees = new List<string?>();
        for (var i = 0; i < 4; i++) assignees.Add((await world.StoredAsync((await world.ReportAsync($"VPN down {i}", service: world.Vpn)).Id)).AssigneeId);

        var first = assignees[0]!;
        var second = first == dana.UserId ? sam.UserId : dana.UserId;
        Assert.Equal([first, second, first, second], assignees);
        var last = await world.StoredAsync((await world.ReportAsync("VPN down again", service: world.Vpn)).Id);
        Assert.Equal(IncidentStatus.Assigned, last.Status);
        var name = last.AssigneeId == dana.UserId ? dana.Name : sam.Name;
        Assert.Contains(last.Activities, a => a.Kind == ActivityKind.Event && a.Text == $"Auto-assigned to {name} (round robin)" && a.ActorId is null);
        Assert.Contains(last.Activities, a => a.Field == "Assignee" && a.NewValue == name);
        // The fifth VPN report in minutes also tells the managers of a possible major incident (a surge): not about assigning.
        var notified = await app.WithDbAsync(db => db.Notifications.Where(n => n.IncidentId == last.Id && n.Kind == NotificationKind.Assigned).ToListAsync());
        Assert.Equal(last.AssigneeId, Assert.Single(notified).UserId);
        // Announced (bells, toasts) once committed, to the assignee only: one per auto-assignment.
        Assert.Equal(5, announced.Count(n => n.Kind == NotificationKind.Assigned));
        Assert.Contains(announced, n => n.IncidentId == last.Id && n.UserIds.SequenceEqual([last.AssigneeId!]) && n.Kind == NotificationKind.Assigned);
    }

    [Fact]
    public async Task Least_open_work_picks_the_member_with_fewest_open_incidents()
    {
        var busy = await world.AgentAsync("busy", world.Network, available: true);
        var idle = await world.AgentAsync("idle", world.Network, available: true);
        var existing = await world.ReportAsync("Old VPN issue", service: world.Vpn);
        await world.Incidents.ChangeAsync(world.Admin, existing.Id, null, new AssignIncident(world.Network, busy.UserId));
        await world.AutoAssign.SetModeAsync(world.Admin, world.Network, AutoAssignMode.LeastOpenWork);

        var incident = await world.StoredAsync((await world.ReportAsync("VPN slow", service: world.Vpn)).Id);

        Assert.Equal(idle.UserId, incident.AssigneeId);
        Assert.Contains(incident.Activities, a => a.Text == $"Auto-assigned to {idle.Name} (least open work)");
    }

    [Fact]
    public async Task With_nobody_available_or_the_mode_off_the_incident_waits_unassigned_in_the_team_queue()
    {
        var agent = await world.AgentAsync("away", world.Network, available: false);
        await world.AutoAssign.SetModeAsync(world.Admin, world.Network, AutoAssignMode.RoundRobin);
        var nobodyAvailable = await world.StoredAsync((await world.ReportAsync("VPN flaky", service: world.Vpn)).Id);
        Assert.Equal((world.Network, (string?)null, IncidentStatus.New), (nobodyAvailable.AssignmentGroupId, nobodyAvailable.AssigneeId, nobodyAvailable.Status));

        await world.AutoAssign.SetAvailableAsync(agent, true);
        await world.AutoAssign.SetModeAsync(world.Admin, world.Network, AutoAssignMode.Off);
        var modeOff = await world.StoredAsync((await world.ReportAsync("VPN flaky again", service: world.Vpn)).Id);
        Assert.Null(modeOff.AssigneeId);
        Assert.DoesNotContain(modeOff.Activities, a => a.Kind == ActivityKind.Event);
    }

    [Fact]
    public async Task Moving_an_incident_to_a_team_without_naming_an_assignee_auto_assigns_there_but_naming_one_does_not()
    {
        var dba = await world.AgentAsync("dba", world.Database, available: true);
        var other = await world.AgentAsync("other", world.Database, available: true);
        await world.AutoAssign.SetModeAsync(world.Admin, world.Database, AutoAssignMode.LeastOpenWork);
        var first = await world.ReportAsync("Query timeouts", service: world.Vpn);
        var second = await world.ReportAsync("Replication lag", service: world.Vpn);

        var moved = await world.Incidents.ChangeAsync(world.Admin, first.Id, null, new AssignIncident(world.Database, null));
        await world.Incidents.ChangeAsync(world.Admin, second.Id, null, new AssignIncident(world.Database, other.UserId));

        var firstStored = await world.StoredAsync(first.Id);
        Assert.Contains(firstStored.AssigneeId, new[] { dba.UserId, other.UserId });
        Assert.Equal(firstStored.AssigneeId, moved.AssigneeId);
        Assert.Contains(firstStored.Activities, a => a.Kind == ActivityKind.Event && a.Field == "Assignment");
        var secondStored = await world.StoredAsync(second.Id);
        Assert.Equal(other.UserId, secondStored.AssigneeId);
        Assert.DoesNotContain(secondStored.Activities, a => a.Kind == ActivityKind.Event && a.Field == "Assignment");
    }

    [Fact]
    public async Task Two_app_instances_reporting_at_once_never_hand_out_the_same_round_robin_turn_twice()
    {
        var members = new[]
        {
            await world.AgentAsync("one", world.Network, available: true),
            await world.AgentAsync("two", world.Network, available: true),
            await world.AgentAsync("three", world.Network, available: true),
        };
        await world.AutoAssign.SetModeAsync(world.Admin, world.Network, AutoAssignMode.RoundRobin);
        await using var second = new PortalFactory(new Dictionary<string, string?>(), app.DataDirectory);
        var secondIncidents = new RoutingWorld { App = second, Admin = world.Admin, Reporter = world.Reporter }.Incidents;

        const int perInstance = 6;
        var reports = Enumerable.Range(0, perInstance * 2)
            .Select(i => world.ReportAsync($"VPN storm {i}", service: world.Vpn, through: i % 2 == 0 ? world.Incidents : secondIncidents));
        var created = await Task.WhenAll(reports);

        var inOrder = await app.WithDbAsync(db => db.Incidents.AsNoTracking().Where(i => created.Select(c => c.Id).Contains(i.Id))
            .OrderBy(i => i.Number).Select(i => i.AssigneeId).ToListAsync());
        Assert.All(inOrder, Assert.NotNull);
        // Committed one after another, each took the next turn: every window of three has three different people.
        for (var i = 0; i + 2 < inOrder.Count; i++) Assert.Equal(3, inOrder.Skip(i).Take(3).Distinct().Count());
        Assert.All(members, m => Assert.Equal(perInstance * 2 / 3, inOrder.Count(a => a == m.UserId)));
        var turn = await app.WithDbAsync(db => db.TeamAutoAssignments.Where(s => s.TeamId == world.Network).Select(s => s.Turn).SingleAsync());
        Assert.Equal(perInstance * 2, turn);
    }
}
