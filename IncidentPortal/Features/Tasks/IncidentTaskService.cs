using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Tasks;

/// <summary>
/// Adds and changes incident tasks. Staff only. Each change is recorded on the incident's timeline (an internal Task
/// event) and the new owner notified, all in the same unit of work; after commit, <see cref="IncidentTaskChanged"/>
/// and <see cref="IncidentUpdated"/> tell open pages.
/// </summary>
public sealed partial class IncidentTaskService(IDbContextFactory<AppDbContext> dbFactory, IEventBus events, Notifier notifier,
    TimeProvider clock)
{
    /// <summary>A loss means another save to the incident committed first; the change is simply tried again.</summary>
    private const int MaxAttempts = 4;

    public Task<TaskRow> CreateAsync(Actor actor, int incidentId, TaskInput input, CancellationToken ct = default) =>
        SaveAsync(actor, async (db, by) =>
        {
            var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == incidentId, ct) ?? throw new IncidentNotFoundException();
            if (!incident.IsOpen)
                throw new TaskRuleException($"The incident is {IncidentText.Label(incident.Status).ToLowerInvariant()}; tasks can only be added to open incidents.");
            var team = await TeamAsync(db, input.TeamId, ct);
            var task = IncidentTask.Create(incident.Id, input, team, by);
            db.IncidentTasks.Add(task);
            var after = await SnapshotAsync(db, task, ct);
            return new Change(incident, task, TaskText.Added(after.Title, after.Team, after.Owner, after.DueAt), null, null);
        }, ct);

    /// <summary>
    /// The edit dialog's save: the task's fields and its status together, as one change. A finished task is reopened
    /// before its fields change; an open one is finished after.
    /// </summary>
    /// <param name="expectedVersion">The task's version the editor showed: changes made since are not overwritten.</param>
    public Task<TaskRow> EditAsync(Actor actor, int taskId, int expectedVersion, TaskInput input, IncidentTaskStatus status,
        string? note = null, CancellationToken ct = default) =>
        SaveAsync(actor, async (db, by) =>
        {
            var (task, incident) = await LoadAsync(db, taskId, expectedVersion, ct);
            var (teamBefore, ownerBefore, statusBefore) = (task.TeamId, task.OwnerId, task.Status);
            var fieldsChange = task.Differs(input);
            if (!fieldsChange && status == task.Status) throw new TaskRuleException("There are no changes to save.");
            if (!incident.IsOpen && (fieldsChange || IncidentTask.IsOpenStatus(status)))
                throw new TaskRuleException("The incident is no longer open; its tasks can only be completed or cancelled.");
            var texts = new List<string>();
            if (IncidentTask.IsOpenStatus(status) && !task.IsOpen) task.MoveTo(status, null, by);
            if (fieldsChange)
            {
                var before = await SnapshotAsync(db, task, ct);
                task.Edit(input, await TeamAsync(db, input.TeamId, ct), by);
                if (TaskText.Edited(before, await SnapshotAsync(db, task, ct)) is { } edited) texts.Add(edited);
            }
            if (status != task.Status) task.MoveTo(status, note, by);
            if (task.Status != statusBefore) texts.Add(TaskText.StatusChanged(task.Title, statusBefore, task.Status, task.CompletionNote));
            return new Change(incident, task, string.Join(". ", texts), teamBefore, ownerBefore);
        }, ct);

    /// <summary>Starts, completes, cancels or reopens a task. Without <paramref name="expectedVersion"/> the move is checked against the current task.</summary>
    public Task<TaskRow> SetStatusAsync(Actor actor, int taskId, int? expectedVersion, IncidentTaskStatus status, string? note = null,
        CancellationToken ct = default) =>
        SaveAsync(actor, async (db, by) =>
        {
            var (task, incident) = await LoadAsync(db, taskId, expectedVersion, ct);
            if (IncidentTask.IsOpenStatus(status) && !incident.IsOpen)
                throw new TaskRuleException("The incident is no longer open; its tasks can only be completed or cancelled.");
            var from = task.Status;
            task.MoveTo(status, note, by);
            return new Change(incident, task, TaskText.StatusChanged(task.Title, from, status, task.CompletionNote), task.TeamId, task.OwnerId);
        }, ct);

    private sealed record Change(Incident Incident, IncidentTask Task, string Text, int? TeamBefore, string? OwnerBefore);

    private async Task<TaskRow> SaveAsync(Actor actor, Func<AppDbContext, ChangeContext, Task<Change>> change, CancellationToken ct)
    {
        EnsureStaff(actor);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var by = new ChangeContext(actor.UserId, Now, ActorIsAgent: true);
            var done = await change(db, by);
            var isNew = done.Task.Id == 0;
            done.Incident.RecordEvent(by, TaskText.Topic, done.Text);
            NotificationBatch? batch = null;
            if (done.Task.OwnerId is { } owner && owner != done.OwnerBefore && owner != actor.UserId && done.Task.IsOpen)
                batch = await notifier.AddAsync(db, [owner], AssignedNotice(done, actor), ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // Someone else saved the incident or the task; the next attempt re-reads both and re-checks the version.
                continue;
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new TaskConflictException();
            }
            await PublishAsync(actor, done, isNew);
            if (batch is not null) await notifier.AnnounceAsync(batch);
            return await RowAsync(db, done.Task.Id, ct);
        }
    }

    private async Task PublishAsync(Actor actor, Change done, bool isNew)
    {
        var (incident, task) = (done.Incident, done.Task);
        await events.PublishAsync(new IncidentTaskChanged(task.Id, incident.Id, actor.UserId, actor.Name, task.TeamId, task.OwnerId,
            isNew || done.TeamBefore == task.TeamId ? null : done.TeamBefore,
            isNew || done.OwnerBefore == task.OwnerId ? null : done.OwnerBefore, task.Status, done.Text));
        await events.PublishAsync(new IncidentUpdated(incident.Id, incident.Number, incident.Version, actor.UserId, actor.Name,
            incident.ReporterId, incident.AssignmentGroupId, incident.AssigneeId, incident.Status,
            [done.Text], HasPublicChange: false, PreviousTeamId: null, PreviousAssigneeId: null));
    }

    private static NotificationRequest AssignedNotice(Change done, Actor actor)
    {
        var incident = done.Incident;
        var due = done.Task.DueAt is null ? "" : $" Due {TaskText.Due(done.Task.DueAt)}.";
        return new NotificationRequest(NotificationKind.TaskAssigned, $"Task for you on {incident.Reference}: {done.Task.Title}",
            $"{actor.Name} gave you a task on {incident.Reference} {incident.Title}.{due}", $"/incidents/{incident.Id}#tasks", incident.Id);
    }

    private static async Task<(IncidentTask Task, Incident Incident)> LoadAsync(AppDbContext db, int taskId, int? expectedVersion, CancellationToken ct)
    {
        var task = await db.IncidentTasks.SingleOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new TaskNotFoundException();
        if (expectedVersion is { } expected && expected != task.Version) throw new TaskConflictException();
        var incident = await db.Incidents.SingleAsync(i => i.Id == task.IncidentId, ct);
        return (task, incident);
    }

    /// <summary>The chosen team with its members; null when none was chosen or it no longer exists (the task says which).</summary>
    private static async Task<TaskTeam?> TeamAsync(AppDbContext db, int? teamId, CancellationToken ct)
    {
        if (teamId is not { } id) return null;
        var team = await db.Teams.Where(t => t.Id == id)
            .Select(t => new { t.Id, t.Name, Members = t.Members.Select(m => m.Id).ToList() }).SingleOrDefaultAsync(ct);
        return team is null ? null : new TaskTeam(team.Id, team.Name, team.Members);
    }

    private static async Task<TaskSnapshot> SnapshotAsync(AppDbContext db, IncidentTask task, CancellationToken ct)
    {
        var team = task.TeamId is null ? null : await db.Teams.Where(t => t.Id == task.TeamId).Select(t => t.Name).SingleOrDefaultAsync(ct);
        var owner = task.OwnerId is null ? null : await db.Users.Where(u => u.Id == task.OwnerId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        return new TaskSnapshot(task.Title, task.Description, team, owner, task.DueAt);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static void EnsureStaff(Actor actor)
    {
        // Reporters learn nothing, not even that tasks exist.
        if (!actor.IsStaff) throw new TaskNotFoundException();
    }
}
