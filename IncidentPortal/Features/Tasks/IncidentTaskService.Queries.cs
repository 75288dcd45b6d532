using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Tasks;

public sealed partial class IncidentTaskService
{
    /// <summary>The incident's tasks: open ones first (by due time, undated last), then the finished ones, newest first.</summary>
    public async Task<IReadOnlyList<TaskRow>> ListAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Rows(db, db.IncidentTasks.Where(t => t.IncidentId == incidentId)).ToListAsync(ct);
        return rows.Where(r => r.IsOpen).OrderBy(r => r.DueAt ?? DateTime.MaxValue).ThenBy(r => r.Id)
            .Concat(rows.Where(r => !r.IsOpen).OrderByDescending(r => r.CompletedAt).ThenByDescending(r => r.Id))
            .ToList();
    }

    /// <summary>
    /// Open tasks the actor should do: owned by them, or unowned in one of their teams; soonest due first, undated last.
    /// </summary>
    public async Task<IReadOnlyList<MyTaskRow>> MyTasksAsync(Actor actor, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tasks = Mine(db, actor, await MyTeamIdsAsync(db, actor, ct));
        var rows = await (from t in tasks
                          join i in db.Incidents on t.IncidentId equals i.Id
                          select new MyTaskRow(t.Id, t.Title,
                              db.Teams.Where(x => x.Id == t.TeamId).Select(x => x.Name).FirstOrDefault(), t.OwnerId,
                              db.Users.Where(u => u.Id == t.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                              t.DueAt, t.Status, i.Id, i.Number, i.Title, i.Priority, i.Status, t.Version))
            .ToListAsync(ct);
        // Sorted here: providers order NULL due times differently, and undated tasks belong at the end.
        return rows.OrderBy(r => r.DueAt is null).ThenBy(r => r.DueAt).ThenBy(r => r.Priority).ThenBy(r => r.Id).ToList();
    }

    /// <summary>How many tasks <see cref="MyTasksAsync"/> lists: the count on the My tasks tab.</summary>
    public async Task<int> MyTaskCountAsync(Actor actor, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Mine(db, actor, await MyTeamIdsAsync(db, actor, ct)).CountAsync(ct);
    }

    private static IQueryable<IncidentTask> Mine(AppDbContext db, Actor actor, List<int> myTeams) =>
        db.IncidentTasks.AsNoTracking()
            .Where(t => t.Status == IncidentTaskStatus.Open || t.Status == IncidentTaskStatus.InProgress)
            .Where(t => t.OwnerId == actor.UserId || (t.OwnerId == null && t.TeamId != null && myTeams.Contains(t.TeamId.Value)));

    private static Task<List<int>> MyTeamIdsAsync(AppDbContext db, Actor actor, CancellationToken ct) =>
        db.Users.Where(u => u.Id == actor.UserId).SelectMany(u => u.Teams).Select(t => t.Id).ToListAsync(ct);

    private static async Task<TaskRow> RowAsync(AppDbContext db, int taskId, CancellationToken ct) =>
        await Rows(db, db.IncidentTasks.Where(t => t.Id == taskId)).SingleAsync(ct);

    private static IQueryable<TaskRow> Rows(AppDbContext db, IQueryable<IncidentTask> tasks) =>
        tasks.AsNoTracking().Select(t => new TaskRow(t.Id, t.IncidentId, t.Title, t.Description,
            t.TeamId, db.Teams.Where(x => x.Id == t.TeamId).Select(x => x.Name).FirstOrDefault(),
            t.OwnerId, db.Users.Where(u => u.Id == t.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            t.DueAt, t.Status, t.CompletionNote,
            db.Users.Where(u => u.Id == t.CreatedById).Select(u => u.DisplayName).FirstOrDefault(),
            t.CreatedAt, t.CompletedAt, t.Version));
}
