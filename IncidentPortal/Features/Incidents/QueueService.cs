using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Incidents;

/// <summary>
/// The agents' queue: open incidents by saved view, filters, search, sort and page, with a count per view.
/// Built to stay fast at 100,000+ incidents (IncidentPortal.Benchmarks): the page is chosen by a query on the
/// Incidents table alone, which the indexes in <see cref="IncidentConfiguration"/> serve without reading rows,
/// and only that page's rows are joined to their service, team and people. Open queue pages share results through
/// <see cref="QueueResultCache"/> (without one, every call reads).
/// </summary>
public sealed partial class QueueService(IDbContextFactory<AppDbContext> dbFactory, IncidentService incidents, TimeProvider? clock = null,
    Microsoft.Extensions.Options.IOptions<Sla.SlaOptions>? slaOptions = null, QueueResultCache? cache = null,
    Reports.ReportsService? reports = null)
{
    private IQueryable<int> DueSoon(AppDbContext db) => Sla.SlaQueries.DueBefore(db,
        (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime.AddHours(slaOptions?.Value.BreachingSoonHours ?? 2));

    public async Task<QueuePage> GetAsync(Actor actor, QueueQuery query, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        query = query with { Take = Math.Clamp(query.Take, 1, QueueQuery.MaxPageSize) };
        // What differs between agents is only whose work "My work" and "My teams" are, and which report figures they may
        // open: the rest is shared.
        var personal = query.View is QueueView.MyWork or QueueView.MyTeams || query.IsDrillDown;
        var list = await Shared($"list|{(personal ? actor.UserId : "")}|{query}", c => ListAsync(actor, query, c), ct);
        var counts = new Dictionary<QueueView, int>(await Shared("counts|all", CountSharedViewsAsync, ct));
        foreach (var (view, count) in await Shared($"counts|{actor.UserId}", c => CountPersonalViewsAsync(actor, c), ct))
            counts[view] = count;
        return list with { ViewCounts = counts };
    }

    private Task<T> Shared<T>(string key, Func<CancellationToken, Task<T>> compute, CancellationToken ct) =>
        cache is null ? compute(ct) : cache.GetAsync(key, compute, ct);

    /// <summary>The page of rows (without the view counts).</summary>
    private async Task<QueuePage> ListAsync(Actor actor, QueueQuery query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        IReadOnlyCollection<int> myTeams = query.View == QueueView.MyTeams ? await MyTeamIdsAsync(db, actor, ct) : [];
        var matching = await FilterAsync(db, Scope(db, actor, query, myTeams, DueSoon(db)), query, ct);
        var (ids, total, skip) = await PageAsync(Sort(db, matching, query.Sort, query.Descending), query, query.Take, ct);
        var rows = ids.Count == 0 ? new Dictionary<int, IncidentRow>()
            : (await IncidentQueries.Rows(db.Incidents.AsNoTracking().Where(i => ids.Contains(i.Id))).ToListAsync(ct)).ToDictionary(r => r.Id);
        // A row deleted between the two queries is simply left out.
        return new QueuePage(ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList(), total, skip, new Dictionary<QueueView, int>(),
            await Sla.SlaQueries.DueForAsync(db, ids, ct));
    }

    private async Task<Dictionary<QueueView, int>> CountSharedViewsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = new Dictionary<QueueView, int>();
        foreach (var view in new[] { QueueView.Unassigned, QueueView.AllOpen, QueueView.BreachingSoon })
            counts[view] = await QueueViews.Apply(Open(db), view, "", [], DueSoon(db)).CountAsync(ct);
        return counts;
    }

    private async Task<Dictionary<QueueView, int>> CountPersonalViewsAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var myTeams = await MyTeamIdsAsync(db, actor, ct);
        var counts = new Dictionary<QueueView, int>();
        foreach (var view in new[] { QueueView.MyWork, QueueView.MyTeams })
            counts[view] = await QueueViews.Apply(Open(db), view, actor.UserId, myTeams).CountAsync(ct);
        return counts;
    }

    /// <summary>
    /// The ids on the requested page, the number of matches, and where the page starts (moved back to the last page
    /// when the list shrank below the requested one). Index-served queries count and page separately; a text search
    /// must read every candidate row anyway, so it reads them once and pages the matching ids in memory.
    /// </summary>
    private static async Task<(List<int> Ids, int Total, int Skip)> PageAsync(IQueryable<Incident> sorted, QueueQuery query, int take, CancellationToken ct)
    {
        var skip = Math.Max(0, query.Skip);
        if (QueueSearch.ScansText(query.Search))
        {
            var all = await sorted.Select(i => i.Id).ToListAsync(ct);
            skip = LastPageStart(skip, all.Count, take);
            return (all.Skip(skip).Take(take).ToList(), all.Count, skip);
        }
        var total = await sorted.CountAsync(ct);
        skip = LastPageStart(skip, total, take);
        return (await sorted.Skip(skip).Take(take).Select(i => i.Id).ToListAsync(ct), total, skip);
    }

    private static int LastPageStart(int skip, int total, int take) => skip >= total && total > 0 ? (total - 1) / take * take : skip;

    /// <summary>Teams, services and categories to filter by, and the agent's own teams.</summary>
    public async Task<QueueFilterOptions> GetFilterOptionsAsync(Actor actor, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teams = await db.Teams.OrderBy(t => t.Name).Select(t => new QueueOption(t.Id, t.Name)).ToListAsync(ct);
        var services = await db.Services.OrderBy(s => s.Name).Select(s => new QueueOption(s.Id, s.Name)).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking()
            .Select(c => new { c.Id, c.Name, Parent = c.Parent == null ? null : c.Parent.Name }).ToListAsync(ct);
        var ordered = categories
            .OrderBy(c => c.Parent ?? c.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(c => c.Parent is not null)
            .ThenBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(c => new QueueOption(c.Id, c.Parent is null ? c.Name : $"{c.Parent} › {c.Name}")).ToList();
        return new QueueFilterOptions(teams, services, ordered, await MyTeamIdsAsync(db, actor, ct));
    }

    /// <summary>
    /// Takes the incident. The team never changes silently: the incident stays in its team when the agent is a member;
    /// otherwise the agent names the team (<paramref name="teamId"/>, one of their own), or is asked
    /// (<see cref="TeamChoiceRequiredException"/>). An incident without a team goes to the agent's only team.
    /// </summary>
    /// <exception cref="IncidentRuleException">The agent belongs to no team, so there is nowhere to assign it.</exception>
    /// <param name="expectedVersion">The version the agent saw: if someone changed the incident since (took it, say),
    /// the assignment is refused with what changed instead of silently overwriting it.</param>
    public async Task<IncidentUpdated> AssignToMeAsync(Actor actor, int incidentId, int? expectedVersion = null, int? teamId = null,
        CancellationToken ct = default)
    {
        EnsureStaff(actor);
        int? incidentTeam;
        List<QueueOption> myTeams;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var found = await db.Incidents.Where(i => i.Id == incidentId).Select(i => new { i.AssignmentGroupId }).SingleOrDefaultAsync(ct)
                ?? throw new IncidentNotFoundException();
            incidentTeam = found.AssignmentGroupId;
            myTeams = await db.Users.Where(u => u.Id == actor.UserId).SelectMany(u => u.Teams).OrderBy(t => t.Name)
                .Select(t => new QueueOption(t.Id, t.Name)).ToListAsync(ct);
        }
        if (myTeams.Count == 0)
            throw new IncidentRuleException("You are not a member of any team, so the incident cannot be assigned to you. Ask an admin to add you to a team.");
        if (teamId is { } chosen && myTeams.All(t => t.Id != chosen))
            throw new IncidentRuleException("Choose one of your own teams to take the incident into.");
        var team = teamId ?? TeamForAssignToMe(incidentTeam, [.. myTeams.Select(t => t.Id)]) ?? throw new TeamChoiceRequiredException(myTeams);
        return await incidents.ChangeAsync(actor, incidentId, expectedVersion, new AssignIncident(team, actor.UserId), ct);
    }

    /// <summary>The team "Assign to me" may use without asking: the incident's own when the agent is in it, the agent's
    /// only team when the incident has none; null when the agent must choose (never a silent move to another team).</summary>
    public static int? TeamForAssignToMe(int? incidentTeam, IReadOnlyList<int> myTeams) => incidentTeam switch
    {
        { } team when myTeams.Contains(team) => team,
        null when myTeams.Count == 1 => myTeams[0],
        _ => null,
    };

    private static IQueryable<Incident> Open(AppDbContext db) =>
        db.Incidents.AsNoTracking().Where(i => IncidentLifecycle.OpenStatuses.Contains(i.Status));

    private static async Task<IQueryable<Incident>> FilterAsync(AppDbContext db, IQueryable<Incident> incidents, QueueQuery query, CancellationToken ct)
    {
        if (query.Status is { } status) incidents = incidents.Where(i => i.Status == status);
        if (query.Priority is { } priority) incidents = incidents.Where(i => i.Priority == priority);
        if (query.TeamId is { } team) incidents = incidents.Where(i => i.AssignmentGroupId == team);
        if (query.ServiceId is { } service) incidents = incidents.Where(i => i.ServiceId == service);
        if (query.CategoryId is { } category)
        {
            var family = await db.Categories.Where(c => c.Id == category || c.ParentId == category).Select(c => (int?)c.Id).ToListAsync(ct);
            incidents = incidents.Where(i => family.Contains(i.CategoryId));
        }
        return QueueSearch.Apply(incidents, query.Search, caseSensitiveLike: !db.Database.IsSqlite());
    }

    /// <summary>Always ends on Id, so paging is stable when timestamps tie.</summary>
    private static IQueryable<Incident> Sort(AppDbContext db, IQueryable<Incident> incidents, QueueSort sort, bool descending) => (sort, descending) switch
    {
        // Soonest SLA due time first; incidents without a running clock (paused, met, no policy) last.
        (QueueSort.TimeToBreach, false) => incidents.OrderBy(i => db.SlaClocks.Where(c => c.IncidentId == i.Id).Min(c => c.RunningDueAt) == null)
            .ThenBy(i => db.SlaClocks.Where(c => c.IncidentId == i.Id).Min(c => c.RunningDueAt)).ThenBy(i => i.Id),
        (QueueSort.TimeToBreach, true) => incidents.OrderBy(i => db.SlaClocks.Where(c => c.IncidentId == i.Id).Min(c => c.RunningDueAt) == null)
            .ThenByDescending(i => db.SlaClocks.Where(c => c.IncidentId == i.Id).Min(c => c.RunningDueAt)).ThenByDescending(i => i.Id),
        (QueueSort.Priority, false) => incidents.OrderBy(i => i.Priority).ThenBy(i => i.CreatedAt).ThenBy(i => i.Id),
        (QueueSort.Priority, true) => incidents.OrderByDescending(i => i.Priority).ThenByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id),
        (QueueSort.Updated, false) => incidents.OrderBy(i => i.UpdatedAt).ThenBy(i => i.Id),
        (QueueSort.Updated, true) => incidents.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id),
        (QueueSort.Created, false) => incidents.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id),
        (QueueSort.Created, true) => incidents.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id),
        (QueueSort.Reference, false) => incidents.OrderBy(i => i.Number),
        (QueueSort.Reference, true) => incidents.OrderByDescending(i => i.Number),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown queue sort."),
    };

    private static Task<List<int>> MyTeamIdsAsync(AppDbContext db, Actor actor, CancellationToken ct) =>
        db.Users.Where(u => u.Id == actor.UserId).SelectMany(u => u.Teams).OrderBy(t => t.Name).Select(t => t.Id).ToListAsync(ct);

    private static void EnsureStaff(Actor actor)
    {
        if (!actor.IsStaff) throw new UnauthorizedAccessException("The queue is for agents.");
    }
}
