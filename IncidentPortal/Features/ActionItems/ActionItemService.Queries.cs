using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.ActionItems;

public sealed partial class ActionItemService
{
    /// <summary>
    /// Every item of the incident, open first by due date. Its review (an incident has at most one) shows the same list:
    /// items added on the incident before or after the review started are as much its follow-up work as the review's own.
    /// </summary>
    public async Task<IReadOnlyList<ActionItemRow>> ForIncidentAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return Sorted(await Rows(db, db.ActionItems.Where(a => a.IncidentId == incidentId)).ToListAsync(ct));
    }

    /// <summary>Open items the actor owns, soonest due first.</summary>
    public async Task<IReadOnlyList<ActionItemRow>> MineAsync(Actor actor, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return Sorted(await Rows(db, OpenItems(db).Where(a => a.OwnerId == actor.UserId)).ToListAsync(ct));
    }

    /// <summary>Every item, for incident managers, filtered.</summary>
    public async Task<IReadOnlyList<ActionItemRow>> AllAsync(Actor actor, ActionItemFilter filter, CancellationToken ct = default)
    {
        EnsureManager(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = filter.OpenOnly || filter.OverdueOnly ? OpenItems(db) : db.ActionItems;
        if (filter.TeamId is { } team) items = items.Where(a => a.TeamId == team);
        if (filter.OverdueOnly)
        {
            var today = Now.Date;
            items = items.Where(a => a.DueDate < today);
        }
        return Sorted(await Rows(db, items).ToListAsync(ct));
    }

    /// <summary>Per team: open items, how many are overdue and the longest delay. Teams with nothing open are left out.</summary>
    public async Task<IReadOnlyList<OverdueTeamRow>> OverdueByTeamAsync(Actor actor, CancellationToken ct = default)
    {
        EnsureManager(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await OpenItems(db).Select(a => new { a.TeamId, a.DueDate }).ToListAsync(ct);
        var names = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var now = Now;
        return open.GroupBy(a => a.TeamId)
            .Select(g =>
            {
                var late = g.Where(a => ActionItem.IsOverdue(ActionItemStatus.Open, a.DueDate, now)).ToList();
                var name = g.Key is { } id && names.TryGetValue(id, out var n) ? n : "No team";
                return new OverdueTeamRow(g.Key, name, late.Count, g.Count(), late.Count == 0 ? 0 : late.Max(a => (now.Date - a.DueDate!.Value.Date).Days));
            })
            .OrderByDescending(r => r.Overdue).ThenBy(r => r.Team).ToList();
    }

    /// <summary>Open first (undated last, soonest due first), then finished ones, newest first.</summary>
    private static IReadOnlyList<ActionItemRow> Sorted(List<ActionItemRow> rows) =>
        rows.Where(r => r.IsOpen).OrderBy(r => r.DueDate ?? DateTime.MaxValue).ThenBy(r => r.Priority).ThenBy(r => r.Id)
            .Concat(rows.Where(r => !r.IsOpen).OrderByDescending(r => r.Id)).ToList();

    private static IQueryable<ActionItem> OpenItems(AppDbContext db) =>
        db.ActionItems.Where(a => a.Status == ActionItemStatus.Open || a.Status == ActionItemStatus.InProgress);

    private static IQueryable<ActionItemRow> Rows(AppDbContext db, IQueryable<ActionItem> items) =>
        from a in items.AsNoTracking()
        join i in db.Incidents on a.IncidentId equals i.Id
        select new ActionItemRow(a.Id, a.IncidentId, i.Number, i.Title, a.ReviewId, a.Title, a.TeamId,
            db.Teams.Where(t => t.Id == a.TeamId).Select(t => t.Name).FirstOrDefault(), a.OwnerId,
            db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            a.DueDate, a.Priority, a.Type, a.Status, a.ProblemId, a.CreatedAt, a.Version);
}
