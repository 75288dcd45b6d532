using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.ActionItems;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Problems;
using IncidentPortal.Features.Reviews;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentPortal.Tests.Features.ActionItems;

/// <summary>Action items and problems through the real services on a real SQLite file: authorization, notification, reminders.</summary>
public sealed class ActionItemServiceTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private ActionItemService Items => host.Services.GetRequiredService<ActionItemService>();
    private ProblemService Problems => host.Services.GetRequiredService<ProblemService>();
    private DateTime Today => host.Clock.GetUtcNow().UtcDateTime.Date;

    private async Task<(Actor Manager, Actor Dana, Incident Incident, int Database)> WorldAsync(string title) =>
        (await host.ActorAsync(DemoEmails.Manager), await host.ActorAsync("dana@demo.local"),
            await host.ReportAsync(await host.ActorAsync(DemoEmails.Reporter), title), await host.TeamIdAsync("Database"));

    private static ActionItemInput Input(string title, int team, string owner, DateTime due) =>
        new(title, team, owner, due, ActionItemPriority.High, ActionItemType.Prevent);

    private async Task<int> NotificationsAsync(string userId, string titleStart)
    {
        await using var db = await host.DbAsync();
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.Kind == NotificationKind.ActionItem && n.Title.StartsWith(titleStart));
    }

    [Fact]
    public async Task A_manager_adds_an_item_the_owner_is_notified_and_finds_it_in_My_action_items()
    {
        var (manager, dana, incident, database) = await WorldAsync("Replica lag after failover");
        var announced = new List<ActionItemChanged>();
        using var _ = host.Events.Subscribe<ActionItemChanged>(e => { lock (announced) announced.Add(e); return Task.CompletedTask; });

        var review = await host.Services.GetRequiredService<ReviewService>().StartAsync(manager, incident.Id);

        var row = await Items.CreateAsync(manager, incident.Id, review, Input(" Alert on replica lag ", database, dana.UserId, Today.AddDays(10)));

        Assert.Equal(("Alert on replica lag", "Dana Database", "Database", (int?)review), (row.Title, row.Owner, row.Team, row.ReviewId));
        Assert.Equal(1, await NotificationsAsync(dana.UserId, "Action item for you: Alert on replica lag"));
        Assert.Contains(announced, e => e.ItemId == row.Id && e.OwnerId == dana.UserId && e.IncidentId == incident.Id);
        Assert.Contains(await Items.MineAsync(dana), r => r.Id == row.Id);
        Assert.DoesNotContain(await Items.MineAsync(manager), r => r.Id == row.Id);
        Assert.Single(await Items.ForIncidentAsync(manager, incident.Id));
    }

    [Fact]
    public async Task An_item_cannot_name_a_review_of_another_incident_or_none_and_nothing_is_stored()
    {
        var (manager, dana, incident, database) = await WorldAsync("Review of another incident");
        var other = await host.ReportAsync(await host.ActorAsync(DemoEmails.Reporter), "The other incident");
        var othersReview = await host.Services.GetRequiredService<ReviewService>().StartAsync(manager, other.Id);

        foreach (var review in new[] { othersReview, int.MaxValue })
        {
            var refused = await Assert.ThrowsAsync<ActionItemRuleException>(() =>
                Items.CreateAsync(manager, incident.Id, review, Input("Misfiled", database, dana.UserId, Today.AddDays(1))));
            Assert.Equal("That review is not this incident's review.", refused.Message);
        }
        Assert.Empty(await Items.ForIncidentAsync(manager, incident.Id));
    }

    [Fact]
    public async Task Reporters_see_nothing_agents_cannot_open_the_managers_views_and_bad_input_stores_nothing()
    {
        var (manager, dana, incident, database) = await WorldAsync("Authorization of action items");
        var row = await Items.CreateAsync(manager, incident.Id, null, Input("Rotate keys", database, dana.UserId, Today.AddDays(3)));
        var reporter = await host.ActorAsync(DemoEmails.Reporter);

        await Assert.ThrowsAsync<ActionItemNotFoundException>(() => Items.ForIncidentAsync(reporter, incident.Id));
        await Assert.ThrowsAsync<ActionItemNotFoundException>(() => Items.MineAsync(reporter));
        await Assert.ThrowsAsync<ActionItemNotFoundException>(() => Items.SetStatusAsync(reporter, row.Id, null, ActionItemStatus.Done));
        await Assert.ThrowsAsync<ActionItemNotFoundException>(() => Items.CreateAsync(reporter, incident.Id, null, Input("x", database, dana.UserId, Today)));
        await Assert.ThrowsAsync<ProblemNotFoundException>(() => Problems.ListAsync(reporter));
        await Assert.ThrowsAsync<ProblemNotFoundException>(() => Problems.SpawnFromActionItemAsync(reporter, row.Id));
        await Assert.ThrowsAsync<ActionItemNotFoundException>(() => Items.AllAsync(dana, new ActionItemFilter()));
        await Assert.ThrowsAsync<ActionItemNotFoundException>(() => Items.OverdueByTeamAsync(dana));

        var network = await host.TeamIdAsync("Network");
        var notMember = await Assert.ThrowsAsync<ActionItemRuleException>(() => Items.CreateAsync(manager, incident.Id, null, Input("x", network, dana.UserId, Today)));
        Assert.Equal("OwnerId", notMember.Field);
        var stale = await Items.SetStatusAsync(dana, row.Id, row.Version, ActionItemStatus.InProgress);
        await Assert.ThrowsAsync<ActionItemConflictException>(() => Items.SetStatusAsync(manager, row.Id, row.Version, ActionItemStatus.Done));
        Assert.Equal(ActionItemStatus.InProgress, Assert.Single(await Items.ForIncidentAsync(manager, incident.Id)).Status);
        Assert.Equal(stale.Version, Assert.Single(await Items.ForIncidentAsync(manager, incident.Id)).Version);
    }

    [Fact]
    public async Task An_item_spawns_a_problem_linked_to_its_incident_and_a_second_incident_can_be_linked_but_not_to_two_problems()
    {
        var (manager, dana, incident, database) = await WorldAsync("Disk fills on the primary");
        var second = await host.ReportAsync(await host.ActorAsync(DemoEmails.Reporter), "Disk fills again");
        var row = await Items.CreateAsync(manager, incident.Id, null, Input("Find why the disk fills", database, dana.UserId, Today.AddDays(5)));

        var problemId = await Problems.SpawnFromActionItemAsync(dana, row.Id);
        await Problems.LinkIncidentAsync(manager, problemId, second.Id);

        var problem = await Problems.GetAsync(manager, problemId);
        Assert.Equal(("Find why the disk fills", ProblemStatus.Open), (problem.Title, problem.Status));
        Assert.Equal([incident.Id, second.Id], problem.Incidents.Select(i => i.Id));
        Assert.Equal("Find why the disk fills", Assert.Single(problem.ActionItems).Title);
        Assert.Equal(problemId, (await Problems.ForIncidentAsync(manager, second.Id))!.Id);
        Assert.Equal(problemId, Assert.Single(await Items.ForIncidentAsync(manager, incident.Id)).ProblemId);
        await Assert.ThrowsAsync<ProblemRuleException>(() => Problems.SpawnFromActionItemAsync(dana, row.Id));
        var other = await Problems.CreateAsync(manager, new ProblemInput("Another cause", null, null, null));
        var refused = await Assert.ThrowsAsync<ProblemRuleException>(() => Problems.LinkIncidentAsync(manager, other, second.Id));
        Assert.Contains(Problem.FormatReference(problemId), refused.Message);
    }

    [Fact]
    public async Task An_overdue_owner_is_reminded_once_a_day_however_many_reminder_instances_run()
    {
        var (manager, dana, incident, database) = await WorldAsync("Reminder world");
        var row = await Items.CreateAsync(manager, incident.Id, null, Input("Write the runbook", database, dana.UserId, Today));
        var services = host.Services;
        ActionItemReminder NewInstance() => new(services.GetRequiredService<IDbContextFactory<AppDbContext>>(),
            services.GetRequiredService<Notifier>(), services.GetRequiredService<TimeProvider>(), NullLogger<ActionItemReminder>.Instance);
        const string overdue = "Overdue action item: Write the runbook";

        await NewInstance().RemindDueAsync();
        Assert.Equal(0, await NotificationsAsync(dana.UserId, overdue)); // due today: not overdue yet

        host.Clock.Advance(TimeSpan.FromDays(2));
        // Three instances at once (the demo data's overdue items are reminded too, so only this item's count matters).
        await Task.WhenAll(NewInstance().RemindDueAsync(), NewInstance().RemindDueAsync(), NewInstance().RemindDueAsync());
        Assert.Equal(1, await NotificationsAsync(dana.UserId, overdue));
        await NewInstance().RemindDueAsync(); // a restart later the same day
        Assert.Equal(1, await NotificationsAsync(dana.UserId, overdue));
        var report = await Items.OverdueByTeamAsync(manager);
        Assert.Contains(report, r => r.Team == "Database" && r.Overdue >= 1 && r.OldestDaysLate >= 2);

        host.Clock.Advance(TimeSpan.FromDays(1));
        await NewInstance().RemindDueAsync();
        Assert.Equal(2, await NotificationsAsync(dana.UserId, overdue));

        await Items.SetStatusAsync(dana, row.Id, null, ActionItemStatus.Done);
        host.Clock.Advance(TimeSpan.FromDays(1));
        await NewInstance().RemindDueAsync();
        Assert.Equal(2, await NotificationsAsync(dana.UserId, overdue));
    }
}
