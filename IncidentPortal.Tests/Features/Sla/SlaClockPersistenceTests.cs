using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Sla;
using static IncidentPortal.Tests.Features.Sla.Calendars;

namespace IncidentPortal.Tests.Features.Sla;

/// <summary>The stored clocks follow every incident change in its own unit of work, and explain recomputations.</summary>
public sealed class SlaClockPersistenceTests : IAsyncLifetime
{
    private SlaWorld world = null!;
    private SlaWorld.Instance app = null!;

    public async Task InitializeAsync()
    {
        world = await SlaWorld.CreateAsync();
        app = world.NewInstance();
    }

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task Reporting_starts_both_clocks_with_due_and_warning_times()
    {
        var incident = await world.ReportAsync(app);
        var clocks = await world.ClocksAsync(incident.Id);
        Assert.Equal([SlaClockKind.Response, SlaClockKind.Resolution], clocks.Select(c => c.Kind));
        var (response, resolution) = (clocks[0], clocks[1]);
        Assert.Equal(Priority.P3, response.Priority);
        Assert.Equal(Utc(2026, 11, 23, 11), response.DueAt);           // 2 office hours
        Assert.Equal(Utc(2026, 11, 23, 10, 30), response.WarnAt);      // at 75 %
        Assert.Equal(Utc(2026, 11, 23, 10, 30), response.NextCheckAt);
        Assert.Equal(Utc(2026, 11, 24, 17), resolution.DueAt);         // 16 office hours: Monday and Tuesday
        Assert.Equal(SlaClockState.Running, resolution.State);
        Assert.Equal(resolution.DueAt, resolution.RunningDueAt);
    }

    [Fact]
    public async Task Putting_it_on_hold_for_the_user_pauses_the_stored_clocks_and_resuming_moves_the_due_time()
    {
        var incident = await world.ReportAsync(app);
        await app.Incidents.ChangeAsync(world.Agent, incident.Id, null, new AssignIncident(world.TeamId, world.Agent.UserId));
        world.Clock.Advance(TimeSpan.FromHours(1));
        await app.Incidents.ChangeAsync(world.Agent, incident.Id, null, new PutOnHold(OnHoldReason.AwaitingUser));

        var paused = (await world.ClocksAsync(incident.Id))[1];
        Assert.Equal(SlaClockState.Paused, paused.State);
        Assert.Equal(OnHoldReason.AwaitingUser, paused.PausedFor);
        Assert.Null(paused.RunningDueAt);
        Assert.Null(paused.NextCheckAt);

        world.Clock.Advance(TimeSpan.FromHours(3));
        await app.Incidents.ChangeAsync(world.Agent, incident.Id, null, new StartWork());
        var resumed = (await world.ClocksAsync(incident.Id))[1];
        Assert.Equal(SlaClockState.Running, resumed.State);
        Assert.Equal(Utc(2026, 11, 25, 12), resumed.DueAt);             // three paused hours later than Tuesday 17:00
        // The response clock stopped when the agent took it, within its target.
        Assert.Equal(SlaClockState.Met, (await world.ClocksAsync(incident.Id))[0].State);
    }

    [Fact]
    public async Task A_priority_change_recomputes_from_history_and_says_so_on_the_timeline()
    {
        var incident = await world.ReportAsync(app);
        world.Clock.Advance(TimeSpan.FromMinutes(30));
        await app.Incidents.ChangeAsync(world.Agent, incident.Id, null, new OverridePriority(Priority.P1, "Whole office affected"));

        var clocks = await world.ClocksAsync(incident.Id);
        Assert.Equal(Priority.P1, clocks[1].Priority);
        Assert.Equal(Utc(2026, 11, 23, 13), clocks[1].DueAt);           // P1: 4h around the clock from 09:00
        var entry = Assert.Single(await world.SlaEntriesAsync(incident.Id));
        Assert.Equal(ActivityKind.Event, entry.Kind);
        Assert.Null(entry.ActorId);
        Assert.Contains("priority P3 → P1", entry.Text);
        Assert.Contains("Resolution due Tue 24 Nov 17:00 → Mon 23 Nov 13:00", entry.Text);
        Assert.EndsWith("(24×7 calendar, times UTC)", entry.Text);
        // The P1 response target (15m) had already passed: the watcher will announce it at once.
        Assert.Equal(Utc(2026, 11, 23, 9, 11, 15), clocks[0].NextCheckAt);   // its 75 % warning comes first
    }

    [Fact]
    public async Task Ordinary_changes_record_no_sla_entry()
    {
        var incident = await world.ReportAsync(app);
        await app.Incidents.ChangeAsync(world.Agent, incident.Id, null, new AddComment("Looking", IsPublic: false));
        Assert.Empty(await world.SlaEntriesAsync(incident.Id));
    }

    [Fact]
    public async Task A_policy_change_recomputes_every_open_incident_in_batches_and_records_it()
    {
        var first = await world.ReportAsync(app);
        var second = await world.ReportAsync(app, title: "Second");
        var rows = await app.Admin.ListAsync(Admin());
        var policy = Assert.Single(rows);
        var targets = policy.Targets.Select(t => new SlaTargetInput(t.Priority, t.ResponseMinutes,
            t.Priority == Priority.P3 ? 8 * 60 : t.ResolutionMinutes, t.CalendarId)).ToList();

        var saved = await app.Admin.SaveAsync(Admin(), policy.Id, new SlaPolicyInput(policy.Name, null, 80, policy.Pausing, targets, policy.Version));
        Assert.True(saved.Succeeded, saved.Error);
        var (count, moved) = await app.Recomputer.RecomputeOpenAsync("a change to the SLA policy \"Standard\"");

        Assert.Equal(2, count);
        Assert.Equal(2, moved);
        foreach (var id in new[] { first.Id, second.Id })
        {
            var resolution = (await world.ClocksAsync(id))[1];
            Assert.Equal(Utc(2026, 11, 23, 17), resolution.DueAt);
            Assert.Equal(Utc(2026, 11, 23, 15, 24), resolution.WarnAt);      // 80 % of 8h
            Assert.Contains("SLA policy \"Standard\"", Assert.Single(await world.SlaEntriesAsync(id)).Text);
        }
        // Recomputing again changes nothing and records nothing more: the step is idempotent.
        Assert.Equal((2, 0), await app.Recomputer.RecomputeOpenAsync("again"));
    }

    [Fact]
    public async Task Bad_policy_input_is_refused_field_by_field_and_nothing_changes()
    {
        var policy = Assert.Single(await app.Admin.ListAsync(Admin()));
        var targets = policy.Targets.Select(t => new SlaTargetInput(t.Priority, t.ResponseMinutes,
            t.Priority == Priority.P2 ? 10 : t.ResolutionMinutes, t.CalendarId)).ToList();
        var result = await app.Admin.SaveAsync(Admin(), policy.Id, new SlaPolicyInput("Standard", null, 75, policy.Pausing, targets, policy.Version));
        Assert.Equal(SlaAdminService.TargetField(Priority.P2), result.Field);
        Assert.Contains("cannot be shorter", result.Error);
        Assert.Equal(policy.Version, Assert.Single(await app.Admin.ListAsync(Admin())).Version);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => app.Admin.ListAsync(world.Agent));
    }

    private static IncidentPortal.Features.Accounts.Actor Admin() => new("admin", "Admin", false, false, true);
}
