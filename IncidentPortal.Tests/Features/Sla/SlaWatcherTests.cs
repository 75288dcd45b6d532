using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Sla;

namespace IncidentPortal.Tests.Features.Sla;

/// <summary>
/// Warnings and breaches are announced exactly once: across passes, across a restart (a new set of services on the same
/// database) and with two instances racing. P3 response: warning at 10:30, breach at 11:00 (reported Monday 09:00).
/// </summary>
public sealed class SlaWatcherTests : IAsyncLifetime
{
    private SlaWorld world = null!;

    public async Task InitializeAsync() => world = await SlaWorld.CreateAsync();
    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task The_warning_at_75_percent_and_the_breach_each_fire_once_with_an_entry_and_notifications()
    {
        var app = world.NewInstance();
        var incident = await world.ReportAsync(app);

        world.Clock.Advance(TimeSpan.FromMinutes(89));
        Assert.Equal(0, await app.Watcher.RunOnceAsync());                  // 10:29: nothing due yet
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await app.Watcher.RunOnceAsync());                  // 10:30: the warning
        Assert.Equal(0, await app.Watcher.RunOnceAsync());                  // and only once

        var warning = Assert.Single(await world.SlaEntriesAsync(incident.Id));
        Assert.Equal("Response SLA warning: 75 % of the 2 h target (P3) used; due Mon 23 Nov 2026, 11:00 UTC", warning.Text);
        var notes = await world.NotificationsAsync(incident.Id);
        // Nobody holds the incident yet, so the whole team hears about it.
        Assert.Equal(new[] { world.Agent.UserId, world.TeammateId }.Order(), notes.Select(n => n.UserId).Order());
        Assert.All(notes, n => Assert.Equal(NotificationKind.SlaWarning, n.Kind));
        Assert.Equal($"/incidents/{incident.Id}", notes[0].Link);

        world.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(1, await app.Watcher.RunOnceAsync());                  // 11:00: the breach
        world.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await app.Watcher.RunOnceAsync());

        var entries = await world.SlaEntriesAsync(incident.Id);
        Assert.Equal(2, entries.Count);
        Assert.StartsWith("Response SLA breached", entries[1].Text);
        Assert.Equal(2, (await world.NotificationsAsync(incident.Id)).Count(n => n.Kind == NotificationKind.SlaBreach));
        Assert.Equal([SlaThreshold.Warning, SlaThreshold.Breach],
            world.Published.Cast<SlaThresholdReached>().Where(e => e.IncidentId == incident.Id).Select(e => e.Threshold));
        var clock = (await world.ClocksAsync(incident.Id))[0];
        Assert.NotNull(clock.WarnedAt);
        Assert.NotNull(clock.BreachedAt);
        Assert.Null(clock.NextCheckAt);
    }

    [Fact]
    public async Task Once_assigned_only_the_assignee_is_notified()
    {
        var app = world.NewInstance();
        var incident = await world.ReportAsync(app);
        await app.Incidents.ChangeAsync(world.Agent, incident.Id, null, new AssignIncident(world.TeamId, world.TeammateId));
        world.Clock.Advance(TimeSpan.FromHours(12));                        // Monday 21:00: 16h resolution at 75 % = Tuesday 13:00
        world.Clock.Advance(TimeSpan.FromHours(16));
        Assert.Equal(1, await app.Watcher.RunOnceAsync());
        var note = Assert.Single(await world.NotificationsAsync(incident.Id));
        Assert.Equal(world.TeammateId, note.UserId);
        Assert.Contains("Resolution SLA warning", note.Title);
    }

    [Fact]
    public async Task When_both_moments_passed_while_nothing_ran_only_the_breach_is_announced()
    {
        var app = world.NewInstance();
        var incident = await world.ReportAsync(app);
        world.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(1, await app.Watcher.RunOnceAsync());
        var entry = Assert.Single(await world.SlaEntriesAsync(incident.Id));
        Assert.StartsWith("Response SLA breached", entry.Text);
        Assert.Equal(0, await app.Watcher.RunOnceAsync());
    }

    [Fact]
    public async Task After_a_restart_the_new_instance_neither_misses_nor_repeats_an_announcement()
    {
        var before = world.NewInstance();
        var incident = await world.ReportAsync(before);
        world.Clock.Advance(TimeSpan.FromMinutes(95));
        Assert.Equal(1, await before.Watcher.RunOnceAsync());                 // the warning, then the app stops

        world.Clock.Advance(TimeSpan.FromMinutes(40));                         // the breach passes while it is down
        var after = world.NewInstance();                                       // fresh services, same database
        Assert.Equal(1, await after.Watcher.RunOnceAsync());
        Assert.Equal(0, await after.Watcher.RunOnceAsync());
        var entries = await world.SlaEntriesAsync(incident.Id);
        Assert.Equal(["warning", "breached"], entries.Select(e => e.Text!.Contains("warning") ? "warning" : "breached"));
    }

    [Fact]
    public async Task Two_instances_racing_over_the_same_clocks_announce_each_exactly_once()
    {
        var first = world.NewInstance();
        var second = world.NewInstance();
        var incidents = new List<Incident>();
        for (var i = 0; i < 6; i++) incidents.Add(await world.ReportAsync(i % 2 == 0 ? first : second, title: $"Incident {i}"));
        world.Clock.Advance(TimeSpan.FromMinutes(95));                       // every response clock is at its warning

        var fired = await Task.WhenAll(first.Watcher.RunOnceAsync(), second.Watcher.RunOnceAsync(),
            first.Watcher.RunOnceAsync(), second.Watcher.RunOnceAsync());

        Assert.Equal(6, fired.Sum());
        foreach (var incident in incidents)
        {
            Assert.Single(await world.SlaEntriesAsync(incident.Id));
            Assert.Equal(2, (await world.NotificationsAsync(incident.Id)).Count);
        }
        Assert.Equal(6, world.Published.Count);
    }
}
