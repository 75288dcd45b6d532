using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Incidents.SavedViews;

/// <summary>
/// Saved queue views and who may do what with them: a personal view is its owner's alone (others are told it does
/// not exist); a shared view is seen by its team's members, and incident managers and admins share, rename, pin,
/// reorder and delete shared views (and see them all, to manage them).
/// </summary>
public sealed class SavedViewService(IDbContextFactory<AppDbContext> dbFactory, QueueService queue, TimeProvider clock)
{
    public const int MaxViewsPerScope = 50;

    public async Task<IReadOnlyList<SavedViewRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var myTeams = await MyTeamsAsync(db, actor, ct);
        var views = await Visible(db, actor, myTeams)
            .Select(v => new { View = v, Team = db.Teams.Where(t => t.Id == v.TeamId).Select(t => t.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return [.. views.OrderBy(v => v.View.TeamId is not null).ThenBy(v => v.Team, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(v => v.View.Position).ThenBy(v => v.View.Id)
            .Select(v => new SavedViewRow(v.View.Id, v.View.Name, v.View.TeamId, v.Team, v.View.Query, v.View.IsPinned, v.View.Position,
                MayManage(actor, v.View)))];
    }

    /// <summary>Live counts of open incidents per view (as the viewer sees each view: "My work" is theirs).</summary>
    public async Task<IReadOnlyDictionary<int, int>> CountsAsync(Actor actor, IEnumerable<SavedViewRow> views, CancellationToken ct = default)
    {
        var counts = new Dictionary<int, int>();
        foreach (var view in views) counts[view.Id] = await queue.CountAsync(actor, SavedViewQuery.Parse(view.Query), ct);
        return counts;
    }

    public async Task<SavedViewRow> SaveAsync(Actor actor, SavedViewDraft draft, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        var name = SavedQueueView.RequireName(draft.Name);
        if (draft.TeamId is not null && !MayShare(actor)) throw new UnauthorizedAccessException("Only incident managers and admins share views with a team.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (draft.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, ct)) throw new SavedViewException("Choose a team from the list.");
        var scope = Scope(db, actor, draft.TeamId);
        if (await scope.CountAsync(ct) >= MaxViewsPerScope) throw new SavedViewException($"There can be at most {MaxViewsPerScope} views here. Delete one first.");
        if (await NameTakenAsync(scope, name, null, ct)) throw new SavedViewException($"There is already a view called \"{name}\".");
        var position = (await scope.MaxAsync(v => (int?)v.Position, ct) ?? -1) + 1;
        var view = SavedQueueView.Create(name, actor.UserId, draft.TeamId, SavedViewQuery.Format(draft.Query), draft.Pinned, position,
            clock.GetUtcNow().UtcDateTime);
        db.Add(view);
        await db.SaveChangesAsync(ct);
        return (await ListAsync(actor, ct)).Single(v => v.Id == view.Id);
    }

    public Task RenameAsync(Actor actor, int id, string name, CancellationToken ct = default) => ManageAsync(actor, id, async (db, view) =>
    {
        var trimmed = SavedQueueView.RequireName(name);
        if (await NameTakenAsync(Scope(db, actor, view.TeamId, view.OwnerId), trimmed, id, ct))
            throw new SavedViewException($"There is already a view called \"{trimmed}\".");
        view.Rename(trimmed);
    }, ct);

    public Task PinAsync(Actor actor, int id, bool pinned, CancellationToken ct = default) =>
        ManageAsync(actor, id, (_, view) => { view.IsPinned = pinned; return Task.CompletedTask; }, ct);

    /// <summary>Moves the view one place earlier (-1) or later (+1) among its owner's or its team's views.</summary>
    public Task MoveAsync(Actor actor, int id, int by, CancellationToken ct = default) => ManageAsync(actor, id, async (db, view) =>
    {
        var ordered = await Scope(db, actor, view.TeamId, view.OwnerId).OrderBy(v => v.Position).ThenBy(v => v.Id).ToListAsync(ct);
        var from = ordered.FindIndex(v => v.Id == id);
        var to = Math.Clamp(from + Math.Sign(by), 0, ordered.Count - 1);
        if (from == to) return;
        var moved = ordered[from];
        ordered.RemoveAt(from);
        ordered.Insert(to, moved);
        for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i;
    }, ct);

    public Task DeleteAsync(Actor actor, int id, CancellationToken ct = default) =>
        ManageAsync(actor, id, (db, view) => { db.Remove(view); return Task.CompletedTask; }, ct);

    private async Task ManageAsync(Actor actor, int id, Func<AppDbContext, SavedQueueView, Task> change, CancellationToken ct)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var myTeams = await MyTeamsAsync(db, actor, ct);
        var view = await Visible(db, actor, myTeams).AsTracking().SingleOrDefaultAsync(v => v.Id == id, ct) ?? throw new SavedViewNotFoundException();
        if (!MayManage(actor, view))
            throw new UnauthorizedAccessException("Only incident managers and admins change a view shared with a team.");
        await change(db, view);
        await db.SaveChangesAsync(ct);
    }

    private static IQueryable<SavedQueueView> Visible(AppDbContext db, Actor actor, List<int> myTeams) =>
        db.Set<SavedQueueView>().Where(v => v.TeamId == null
            ? v.OwnerId == actor.UserId
            : MayShare(actor) || myTeams.Contains(v.TeamId.Value));

    /// <summary>The views a new one is ordered and named among: the owner's personal ones, or the team's shared ones.</summary>
    private static IQueryable<SavedQueueView> Scope(AppDbContext db, Actor actor, int? teamId, string? ownerId = null) => teamId is { } team
        ? db.Set<SavedQueueView>().Where(v => v.TeamId == team)
        : db.Set<SavedQueueView>().Where(v => v.TeamId == null && v.OwnerId == (ownerId ?? actor.UserId));

    /// <summary>Names are compared ignoring case, in memory: a scope holds at most <see cref="MaxViewsPerScope"/> views.</summary>
    private static async Task<bool> NameTakenAsync(IQueryable<SavedQueueView> scope, string name, int? except, CancellationToken ct) =>
        (await scope.Where(v => v.Id != except).Select(v => v.Name).ToListAsync(ct)).Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    private static bool MayShare(Actor actor) => actor.IsIncidentManager || actor.IsAdmin;

    private static bool MayManage(Actor actor, SavedQueueView view) => view.TeamId is null ? view.OwnerId == actor.UserId : MayShare(actor);

    private static Task<List<int>> MyTeamsAsync(AppDbContext db, Actor actor, CancellationToken ct) =>
        db.Users.Where(u => u.Id == actor.UserId).SelectMany(u => u.Teams).Select(t => t.Id).ToListAsync(ct);

    private static void EnsureStaff(Actor actor)
    {
        if (!actor.IsStaff) throw new UnauthorizedAccessException("Saved views are for agents.");
    }
}
