using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Problems;

public sealed partial class ProblemService
{
    /// <summary>Problems, unresolved first, most recently changed first; <paramref name="status"/> narrows it to one status.</summary>
    public async Task<IReadOnlyList<ProblemRow>> ListAsync(Actor actor, ProblemStatus? status = null, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var problems = db.Problems.AsNoTracking();
        if (status is { } only) problems = problems.Where(p => p.Status == only);
        var rows = await problems.Select(p => new ProblemRow(p.Id, p.Title, p.Status, p.Incidents.Count, p.UpdatedAt)).ToListAsync(ct);
        return rows.OrderBy(r => r.Status == ProblemStatus.Resolved).ThenByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id).ToList();
    }

    public async Task<ProblemDetails> GetAsync(Actor actor, int problemId, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Problems.AsNoTracking().SingleOrDefaultAsync(x => x.Id == problemId, ct) ?? throw new ProblemNotFoundException();
        var createdBy = await db.Users.Where(u => u.Id == p.CreatedById).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var incidents = await (from l in db.ProblemIncidents
                               join i in db.Incidents on l.IncidentId equals i.Id
                               where l.ProblemId == problemId
                               orderby l.LinkedAt
                               select new { i.Id, i.Number, i.Title, i.Status, l.LinkedAt }).ToListAsync(ct);
        var items = await db.ActionItems.AsNoTracking().Where(a => a.ProblemId == problemId)
            .Select(a => new SpawningItem(a.Id, a.Title, db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);
        return new ProblemDetails(p.Id, p.Title, p.Description, p.KnownError, p.Workaround, p.Status, createdBy, p.CreatedAt, p.UpdatedAt,
            p.ResolvedAt, p.Version,
            incidents.Select(i => new LinkedIncident(i.Id, i.Number, i.Title, IncidentText.Label(i.Status), i.LinkedAt)).ToList(), items);
    }

    /// <summary>The problem the incident is linked to, if any.</summary>
    public async Task<ProblemRow?> ForIncidentAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ProblemIncidents.Where(l => l.IncidentId == incidentId)
            .Join(db.Problems, l => l.ProblemId, p => p.Id, (l, p) => new ProblemRow(p.Id, p.Title, p.Status, p.Incidents.Count, p.UpdatedAt))
            .FirstOrDefaultAsync(ct);
    }
}
