using IncidentPortal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Incidents;

public sealed partial class QueueService
{
    /// <summary>Most incidents "Select all matching" and the CSV export take at once: a bound on one request's work.</summary>
    public const int MaxMatching = 50_000;

    /// <summary>Every incident the query matches (its view, filters and sort; not only one page), up to <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<int>> MatchingIdsAsync(Actor actor, QueueQuery query, int max = MaxMatching, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matching = await MatchingAsync(db, actor, query, ct);
        return await Sort(db, matching, query.Sort, query.Descending).Select(i => i.Id).Take(Math.Clamp(max, 1, MaxMatching)).ToListAsync(ct);
    }

    /// <summary>How many open incidents the query matches: a saved view's live count.</summary>
    public async Task<int> CountAsync(Actor actor, QueueQuery query, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (await MatchingAsync(db, actor, query, ct)).CountAsync(ct);
    }

    /// <summary>The rows of <paramref name="ids"/> in that order (for the export), read a slice at a time.</summary>
    public async Task<IReadOnlyList<IncidentRow>> RowsAsync(Actor actor, IReadOnlyList<int> ids, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = new Dictionary<int, IncidentRow>();
        foreach (var slice in ids.Chunk(500))
        {
            foreach (var row in await IncidentQueries.Rows(db.Incidents.AsNoTracking().Where(i => slice.Contains(i.Id))).ToListAsync(ct)) rows[row.Id] = row;
        }
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id])];
    }

    private async Task<IQueryable<Incident>> MatchingAsync(Infrastructure.Data.AppDbContext db, Actor actor, QueueQuery query, CancellationToken ct)
    {
        var myTeams = await MyTeamIdsAsync(db, actor, ct);
        return await FilterAsync(db, Scope(db, actor, query, myTeams, DueSoon(db)), query, ct);
    }
}
