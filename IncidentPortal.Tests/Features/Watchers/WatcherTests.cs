using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Watchers;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.Watchers;

/// <summary>Agents follow incidents; reporters add colleagues, who see the public parts and hear the public news only.</summary>
public sealed class WatcherTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private WatcherService Watchers => host.Services.GetRequiredService<WatcherService>();

    private async Task<List<Notification>> WatchingNotificationsAsync(int incidentId, string userId)
    {
        await using var db = await host.DbAsync();
        return await db.Notifications.Where(n => n.IncidentId == incidentId && n.UserId == userId && n.Kind == NotificationKind.Watching)
            .OrderBy(n => n.Id).ToListAsync();
    }

    [Fact]
    public async Task Every_watcher_change_says_whose_list_changed()
    {
        var (reporter, agent) = (await host.ActorAsync(DemoEmails.Reporter), await host.ActorAsync(DemoEmails.Agent));
        var colleague = await host.ActorAsync(DemoEmails.OtherReporter);
        var incident = await host.ReportAsync(reporter, $"Whose watch {Guid.NewGuid():N}");
        var seen = new System.Collections.Concurrent.ConcurrentQueue<WatchersChanged>();
        using var subscription = host.Events.Subscribe<WatchersChanged>(e =>
        {
            if (e.IncidentId == incident.Id) seen.Enqueue(e);
            return Task.CompletedTask;
        });

        await Watchers.FollowAsync(agent, incident.Id);
        await Watchers.UnfollowAsync(agent, incident.Id);
        await Watchers.AddColleagueAsync(reporter, incident.Id, DemoEmails.OtherReporter);
        await Watchers.RemoveAsync(reporter, incident.Id, colleague.UserId);

        // My incidents → Watching reloads only for the person named, not for everyone on every follow.
        Assert.Equal([agent.UserId, agent.UserId, colleague.UserId, colleague.UserId], seen.Select(e => e.UserId));
    }

    [Fact]
    public async Task An_agent_who_follows_hears_of_every_change_but_not_of_their_own()
    {
        var (reporter, manager, agent) = (await host.ActorAsync(DemoEmails.Reporter), await host.ActorAsync(DemoEmails.Manager),
            await host.ActorAsync(DemoEmails.Agent));
        var incident = await host.ReportAsync(reporter, "Followed by an agent");

        await Watchers.FollowAsync(agent, incident.Id);
        await Watchers.FollowAsync(agent, incident.Id); // twice is once
        await host.Incidents.ChangeAsync(manager, incident.Id, null, new AddComment("Checking the tunnel", IsPublic: false));
        await host.Incidents.ChangeAsync(reporter, incident.Id, null, new AddComment("Still broken", IsPublic: true));
        await host.Incidents.ChangeAsync(agent, incident.Id, null, new AddComment("My own note", IsPublic: false));

        var told = await WatchingNotificationsAsync(incident.Id, agent.UserId);
        Assert.Equal(2, told.Count);
        Assert.Contains("new work note", told[0].Title);
        Assert.Equal("Checking the tunnel", told[0].Body);
        Assert.StartsWith($"/incidents/{incident.Id}#note-", told[0].Link);
        Assert.Contains("new reply", told[1].Title);
        Assert.True(await Watchers.IsWatchingAsync(agent, incident.Id));

        await Watchers.UnfollowAsync(agent, incident.Id);
        await host.Incidents.ChangeAsync(manager, incident.Id, null, new AddComment("After unfollowing", IsPublic: false));
        Assert.Equal(2, (await WatchingNotificationsAsync(incident.Id, agent.UserId)).Count);
    }

    [Fact]
    public async Task A_colleague_the_reporter_adds_sees_the_public_parts_and_hears_only_public_news()
    {
        var (reporter, colleague, manager) = (await host.ActorAsync(DemoEmails.Reporter), await host.ActorAsync(DemoEmails.OtherReporter),
            await host.ActorAsync(DemoEmails.Manager));
        var incident = await host.ReportAsync(reporter, "Shared with a colleague");
        await Assert.ThrowsAsync<IncidentNotFoundException>(() => host.Queries.GetAsync(colleague, incident.Id));

        var added = await Watchers.AddColleagueAsync(reporter, incident.Id, " JO@demo.local ");
        Assert.Equal("Jo Employee", added.Name);

        var seen = await host.Queries.GetAsync(colleague, incident.Id);
        Assert.True(seen.ViewerFollows);
        Assert.Equal("", seen.Description);
        Assert.Equal("", seen.ReporterName);
        await host.Incidents.ChangeAsync(manager, incident.Id, null, new AddComment("Internal: the firewall", IsPublic: false));
        await host.Incidents.ChangeAsync(manager, incident.Id, null, new AddComment("We are on it", IsPublic: true));
        seen = await host.Queries.GetAsync(colleague, incident.Id);
        Assert.DoesNotContain(seen.Timeline, t => t.Text?.Contains("firewall") == true);

        var told = await WatchingNotificationsAsync(incident.Id, colleague.UserId);
        var only = Assert.Single(told);
        Assert.Equal("We are on it", only.Body);
        // The watcher may not write on someone else's incident.
        await Assert.ThrowsAnyAsync<Exception>(() => host.Incidents.ChangeAsync(colleague, incident.Id, null, new AddComment("Me too", IsPublic: true)));
    }

    [Fact]
    public async Task Reporters_cannot_add_or_see_staff_nor_follow_nor_touch_other_peoples_incidents()
    {
        var (reporter, other, agent) = (await host.ActorAsync(DemoEmails.Reporter), await host.ActorAsync(DemoEmails.OtherReporter),
            await host.ActorAsync(DemoEmails.Agent));
        var incident = await host.ReportAsync(reporter, "Staff stay hidden");
        await Watchers.FollowAsync(agent, incident.Id);

        var staff = await Assert.ThrowsAsync<WatcherRuleException>(() => Watchers.AddColleagueAsync(reporter, incident.Id, DemoEmails.Agent));
        var nobody = await Assert.ThrowsAsync<WatcherRuleException>(() => Watchers.AddColleagueAsync(reporter, incident.Id, "nobody@demo.local"));
        // The same words for both: a reporter cannot tell staff from strangers.
        Assert.Equal(staff.Message.Replace(DemoEmails.Agent, "X"), nobody.Message.Replace("nobody@demo.local", "X"));
        await Assert.ThrowsAsync<WatcherRuleException>(() => Watchers.AddColleagueAsync(reporter, incident.Id, ""));
        await Assert.ThrowsAsync<WatcherRuleException>(() => Watchers.AddColleagueAsync(reporter, incident.Id, DemoEmails.Reporter));

        Assert.Empty(await Watchers.ListAsync(reporter, incident.Id));
        Assert.Contains(await Watchers.ListAsync(agent, incident.Id), w => w.UserId == agent.UserId && w.IsStaff);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Watchers.FollowAsync(reporter, incident.Id));
        await Assert.ThrowsAsync<IncidentNotFoundException>(() => Watchers.ListAsync(other, incident.Id));
        await Assert.ThrowsAsync<IncidentNotFoundException>(() => Watchers.AddColleagueAsync(other, incident.Id, DemoEmails.OtherReporter));

        // A reporter removing "someone" cannot remove a member of staff.
        await Watchers.RemoveAsync(reporter, incident.Id, agent.UserId);
        Assert.True(await Watchers.IsWatchingAsync(agent, incident.Id));
    }
}
