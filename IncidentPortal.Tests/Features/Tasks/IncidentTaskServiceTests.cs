using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Tasks;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.Tasks;

/// <summary>Tasks through the real service on a real SQLite file: authorization, the timeline, events and My tasks.</summary>
public sealed class IncidentTaskServiceTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private IncidentTaskService Tasks => host.Services.GetService(typeof(IncidentTaskService)) as IncidentTaskService
        ?? throw new InvalidOperationException("IncidentTaskService is not registered.");

    private DateTime Now => host.Clock.GetUtcNow().UtcDateTime;

    private async Task<(Actor Agent, Actor Dana, Incident Incident, int Database)> WorldAsync(string title)
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        return (await host.ActorAsync(DemoEmails.Agent), await host.ActorAsync("dana@demo.local"),
            await host.ReportAsync(reporter, title), await host.TeamIdAsync("Database"));
    }

    [Fact]
    public async Task An_agent_adds_a_task_which_is_stored_recorded_internally_on_the_timeline_and_announced()
    {
        var (agent, dana, incident, database) = await WorldAsync("Database replica lagging");
        var announced = new List<IncidentTaskChanged>();
        using var _ = host.Events.Subscribe<IncidentTaskChanged>(e => { lock (announced) announced.Add(e); return Task.CompletedTask; });

        var row = await Tasks.CreateAsync(agent, incident.Id, new TaskInput(" Check replication slots ", null, database, dana.UserId, Now.AddHours(2)));

        Assert.Equal(("Check replication slots", "Database", "Dana Database", IncidentTaskStatus.Open), (row.Title, row.Team, row.Owner, row.Status));
        Assert.Equal(("Alex Agent", Now.AddHours(2)), (row.CreatedBy, row.DueAt));
        var stored = await host.StoredAsync(incident.Id);
        var entry = Assert.Single(stored.Activities, a => a.Field == TaskText.Topic);
        Assert.False(entry.IsPublic);
        Assert.Contains("Check replication slots", entry.Text);
        Assert.Equal(agent.UserId, entry.ActorId);
        Assert.Equal(incident.Version + 1, stored.Version);
        var change = Assert.Single(announced);
        Assert.Equal((row.Id, incident.Id, dana.UserId, database), (change.TaskId, change.IncidentId, change.OwnerId, change.TeamId));
        // The reporter's view of the incident does not mention it.
        var reporterView = await host.Queries.GetAsync(await host.ActorAsync(DemoEmails.Reporter), incident.Id);
        Assert.DoesNotContain(reporterView.Timeline, t => (t.Text ?? "").Contains("replication") || t.Summary.Contains("replication"));
    }

    [Fact]
    public async Task Reporters_can_neither_see_nor_change_tasks_and_nothing_is_written()
    {
        var (agent, dana, incident, database) = await WorldAsync("Reporter pokes at tasks");
        var task = await Tasks.CreateAsync(agent, incident.Id, new TaskInput("Restart the listener", null, database, null, null));
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var before = await host.StoredAsync(incident.Id);

        await Assert.ThrowsAsync<TaskNotFoundException>(() => Tasks.ListAsync(reporter, incident.Id));
        await Assert.ThrowsAsync<TaskNotFoundException>(() => Tasks.CreateAsync(reporter, incident.Id, new TaskInput("Mine", null, database, null, null)));
        await Assert.ThrowsAsync<TaskNotFoundException>(() => Tasks.SetStatusAsync(reporter, task.Id, null, IncidentTaskStatus.Done));
        await Assert.ThrowsAsync<TaskNotFoundException>(() => Tasks.MyTasksAsync(reporter));

        var after = await host.StoredAsync(incident.Id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(IncidentTaskStatus.Open, Assert.Single(await Tasks.ListAsync(agent, incident.Id)).Status);
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_stores_nothing()
    {
        var (agent, dana, incident, database) = await WorldAsync("Bad task input");
        var network = await host.TeamIdAsync("Network");

        var notMember = await Assert.ThrowsAsync<TaskRuleException>(() => Tasks.CreateAsync(agent, incident.Id, new TaskInput("Check", null, network, dana.UserId, null)));
        var past = await Assert.ThrowsAsync<TaskRuleException>(() => Tasks.CreateAsync(agent, incident.Id, new TaskInput("Check", null, database, null, Now.AddMinutes(-5))));
        var noTitle = await Assert.ThrowsAsync<TaskRuleException>(() => Tasks.CreateAsync(agent, incident.Id, new TaskInput(" ", null, database, null, null)));

        Assert.Equal(("OwnerId", "DueAt", "Title"), (notMember.Field, past.Field, noTitle.Field));
        Assert.Empty(await Tasks.ListAsync(agent, incident.Id));
        Assert.DoesNotContain((await host.StoredAsync(incident.Id)).Activities, a => a.Field == TaskText.Topic);
    }

    [Fact]
    public async Task Completing_is_recorded_and_a_stale_edit_is_refused()
    {
        var (agent, dana, incident, database) = await WorldAsync("Complete a task");
        var task = await Tasks.CreateAsync(agent, incident.Id, new TaskInput("Vacuum the table", null, database, dana.UserId, null));

        var done = await Tasks.SetStatusAsync(dana, task.Id, task.Version, IncidentTaskStatus.Done, "Freed 40 GB");
        await Assert.ThrowsAsync<TaskConflictException>(() =>
            Tasks.EditAsync(agent, task.Id, task.Version, new TaskInput("Vacuum everything", null, database, null, null), IncidentTaskStatus.Open));

        Assert.Equal((IncidentTaskStatus.Done, "Freed 40 GB", Now), (done.Status, done.CompletionNote, done.CompletedAt));
        var entries = (await host.StoredAsync(incident.Id)).Activities.Where(a => a.Field == TaskText.Topic).ToList();
        Assert.Equal(2, entries.Count);
        Assert.Contains("Open → Done", entries[1].Text);
        Assert.Equal("Vacuum the table", Assert.Single(await Tasks.ListAsync(agent, incident.Id)).Title);
    }

    [Fact]
    public async Task Resolving_with_open_tasks_is_refused_unless_confirmed_and_may_cancel_them()
    {
        var (agent, dana, incident, database) = await WorldAsync("Resolve with tasks");
        await host.Incidents.ChangeAsync(agent, incident.Id, null, new AssignIncident(await host.TeamIdAsync("Network"), agent.UserId));
        var open = await Tasks.CreateAsync(agent, incident.Id, new TaskInput("Tell finance", null, database, null, null));
        var finished = await Tasks.CreateAsync(agent, incident.Id, new TaskInput("Reboot", null, database, null, null));
        await Tasks.SetStatusAsync(agent, finished.Id, null, IncidentTaskStatus.Done);
        var before = await host.StoredAsync(incident.Id);

        var refused = await Assert.ThrowsAsync<OpenTasksException>(() =>
            host.Incidents.ChangeAsync(agent, incident.Id, null, new ResolveIncident(ResolutionCode.Fixed, "Fixed", null)));
        Assert.Equal(["Tell finance"], refused.Titles);
        Assert.Contains("1 open task", refused.Message);
        var unchanged = await host.StoredAsync(incident.Id);
        Assert.Equal((before.Version, IncidentStatus.Assigned), (unchanged.Version, unchanged.Status));

        await host.Incidents.ChangeAsync(agent, incident.Id, null,
            new ResolveIncident(ResolutionCode.Fixed, "Fixed", null, ConfirmOpenTasks: true, CancelOpenTasks: true));

        var resolved = await host.StoredAsync(incident.Id);
        Assert.Equal(IncidentStatus.Resolved, resolved.Status);
        var cancelled = (await Tasks.ListAsync(agent, incident.Id)).Single(t => t.Id == open.Id);
        Assert.Equal((IncidentTaskStatus.Cancelled, OpenTaskCheck.CancelNote), (cancelled.Status, cancelled.CompletionNote));
        Assert.Contains(resolved.Activities, a => a.Field == TaskText.Topic && a.Text!.Contains("\"Tell finance\": Open → Cancelled"));
    }

    [Fact]
    public async Task Resolving_anyway_without_cancelling_leaves_the_tasks_open_and_new_tasks_wait_for_a_reopen()
    {
        var (agent, dana, incident, database) = await WorldAsync("Resolve and keep tasks");
        await host.Incidents.ChangeAsync(agent, incident.Id, null, new AssignIncident(await host.TeamIdAsync("Network"), agent.UserId));
        var task = await Tasks.CreateAsync(agent, incident.Id, new TaskInput("Write the post-mortem", null, database, dana.UserId, null));

        await host.Incidents.ChangeAsync(agent, incident.Id, null, new ResolveIncident(ResolutionCode.Fixed, "Fixed", null, ConfirmOpenTasks: true));

        Assert.Equal(IncidentTaskStatus.Open, Assert.Single(await Tasks.ListAsync(agent, incident.Id)).Status);
        await Assert.ThrowsAsync<TaskRuleException>(() => Tasks.CreateAsync(agent, incident.Id, new TaskInput("Another", null, database, null, null)));
        var done = await Tasks.SetStatusAsync(dana, task.Id, null, IncidentTaskStatus.Done);
        Assert.Equal(IncidentTaskStatus.Done, done.Status);
    }

    [Fact]
    public async Task My_tasks_are_the_open_ones_I_own_and_the_unowned_ones_of_my_teams_soonest_due_first()
    {
        var (agent, dana, incident, database) = await WorldAsync("My tasks mix");
        var network = await host.TeamIdAsync("Network");
        var sam = await host.ActorAsync("sam@demo.local");
        var later = await Tasks.CreateAsync(agent, incident.Id, new TaskInput("Mine later", null, database, dana.UserId, Now.AddDays(2)));
        var undated = await Tasks.CreateAsync(agent, incident.Id, new TaskInput("Team, undated", null, database, null, null));
        var soon = await Tasks.CreateAsync(agent, incident.Id, new TaskInput("Team, soon", null, database, null, Now.AddHours(1)));
        await Tasks.CreateAsync(agent, incident.Id, new TaskInput("Other team", null, network, null, Now.AddMinutes(30)));
        var finished = await Tasks.CreateAsync(agent, incident.Id, new TaskInput("Finished", null, database, dana.UserId, Now.AddMinutes(10)));
        await Tasks.SetStatusAsync(dana, finished.Id, null, IncidentTaskStatus.Done);

        var mine = (await Tasks.MyTasksAsync(dana)).Where(r => r.IncidentId == incident.Id).ToList();

        Assert.Equal([soon.Id, later.Id, undated.Id], mine.Select(r => r.Id));
        Assert.Equal((incident.Reference, "My tasks mix"), (mine[0].IncidentReference, mine[0].IncidentTitle));
        Assert.Equal((await Tasks.MyTasksAsync(dana)).Count, await Tasks.MyTaskCountAsync(dana));
        Assert.DoesNotContain(await Tasks.MyTasksAsync(sam), r => r.IncidentId == incident.Id);
    }

    [Fact]
    public async Task The_owner_is_notified_when_given_a_task_by_someone_else_but_not_for_their_own()
    {
        var (agent, dana, incident, database) = await WorldAsync("Notify the owner");
        var network = await host.TeamIdAsync("Network");
        var announced = new List<NotificationsCreated>();
        using var _ = host.Events.Subscribe<NotificationsCreated>(e => { lock (announced) announced.Add(e); return Task.CompletedTask; });

        var forDana = await Tasks.CreateAsync(agent, incident.Id, new TaskInput("Restore the backup", null, database, dana.UserId, Now.AddHours(3)));
        await Tasks.CreateAsync(agent, incident.Id, new TaskInput("Note to self", null, network, agent.UserId, null));
        await Tasks.EditAsync(agent, forDana.Id, forDana.Version, forDana.ToInput() with { Title = "Restore last night's backup" }, IncidentTaskStatus.Open);

        await using var db = await host.DbAsync();
        var notes = await db.Notifications.AsNoTracking().Where(n => n.IncidentId == incident.Id).ToListAsync();
        var note = Assert.Single(notes);
        Assert.Equal((dana.UserId, NotificationKind.TaskAssigned, $"/incidents/{incident.Id}#tasks"), (note.UserId, note.Kind, note.Link));
        Assert.Contains("Restore the backup", note.Title);
        Assert.Contains(dana.UserId, Assert.Single(announced, a => a.IncidentId == incident.Id).UserIds);
    }

    [Fact]
    public async Task Cancelling_the_incident_cancels_its_open_tasks_in_the_same_change()
    {
        var (agent, dana, incident, database) = await WorldAsync("Cancel with tasks");
        var open = await Tasks.CreateAsync(agent, incident.Id, new TaskInput("Order a new disk", null, database, dana.UserId, null));
        var done = await Tasks.CreateAsync(agent, incident.Id, new TaskInput("Check SMART data", null, database, null, null));
        await Tasks.SetStatusAsync(agent, done.Id, null, IncidentTaskStatus.Done);

        await host.Incidents.ChangeAsync(agent, incident.Id, null, new CancelIncident("Raised twice"));

        var tasks = await Tasks.ListAsync(agent, incident.Id);
        Assert.Equal((IncidentTaskStatus.Cancelled, CancelTasksWithIncident.Note), (tasks.Single(t => t.Id == open.Id).Status, tasks.Single(t => t.Id == open.Id).CompletionNote));
        Assert.Equal(IncidentTaskStatus.Done, tasks.Single(t => t.Id == done.Id).Status);
        Assert.Contains((await host.StoredAsync(incident.Id)).Activities, a => a.Field == TaskText.Topic && a.Text!.Contains("\"Order a new disk\": Open → Cancelled"));
        Assert.DoesNotContain(await Tasks.MyTasksAsync(dana), r => r.Id == open.Id);
    }
}
