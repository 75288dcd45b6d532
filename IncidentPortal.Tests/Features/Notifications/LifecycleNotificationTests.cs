using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.Notifications;

/// <summary>Lifecycle notifications commit with the incident change and are announced only once it is committed.</summary>
public sealed class LifecycleNotificationTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    [Fact]
    public async Task An_assignment_is_announced_after_its_notification_is_committed()
    {
        var (reporter, manager, agent) = (await host.ActorAsync(DemoEmails.Reporter), await host.ActorAsync(DemoEmails.Manager),
            await host.ActorAsync(DemoEmails.Agent));
        var incident = await host.ReportAsync(reporter, "Announce me");
        var announced = new TaskCompletionSource<(NotificationsCreated Event, int Stored)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = host.Events.Subscribe<NotificationsCreated>(async e =>
        {
            if (e.IncidentId != incident.Id) return;
            await using var db = await host.DbAsync();
            announced.TrySetResult((e, await db.Notifications.CountAsync(n => n.IncidentId == incident.Id && n.UserId == agent.UserId)));
        });

        await host.Incidents.ChangeAsync(manager, incident.Id, null, new AssignIncident(await host.TeamIdAsync("Network"), agent.UserId));

        var (created, stored) = await announced.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([agent.UserId], created.UserIds);
        Assert.Equal(NotificationKind.Assigned, created.Kind);
        Assert.Equal($"/incidents/{incident.Id}", created.Link);
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task A_change_that_loses_a_clash_leaves_no_notification_and_announces_nothing()
    {
        var (reporter, manager, agent) = (await host.ActorAsync(DemoEmails.Reporter), await host.ActorAsync(DemoEmails.Manager),
            await host.ActorAsync(DemoEmails.Agent));
        var incident = await host.ReportAsync(reporter, "Clash");
        await host.Incidents.ChangeAsync(manager, incident.Id, null, new AddComment("Looking", IsPublic: false));
        var announcements = 0;
        using var _ = host.Events.Subscribe<NotificationsCreated>(e =>
        {
            if (e.IncidentId == incident.Id) Interlocked.Increment(ref announcements);
            return Task.CompletedTask;
        });

        await Assert.ThrowsAsync<IncidentConflictException>(() => host.Incidents.ChangeAsync(manager, incident.Id, incident.Version,
            new AssignIncident(incident.AssignmentGroupId!.Value, agent.UserId)));
        // A later, unrelated change to the same incident must not release anything held for the lost one.
        await host.Incidents.ChangeAsync(manager, incident.Id, null, new AddComment("Still looking", IsPublic: false));

        await using var db = await host.DbAsync();
        Assert.Equal(0, await db.Notifications.CountAsync(n => n.IncidentId == incident.Id));
        Assert.Equal(0, announcements);
    }
}
