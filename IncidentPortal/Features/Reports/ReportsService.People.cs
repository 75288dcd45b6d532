using IncidentPortal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Reports;

public sealed partial class ReportsService
{
    public async Task<PeopleReport> PeopleAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        EnsureManager(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        var scope = ReportQueries.Scope(db, filter).AsNoTracking();
        var load = await ReportQueries.OpenDuring(scope, start, end).Where(i => i.AssigneeId != null)
            .GroupBy(i => i.AssigneeId!).Select(g => new
            {
                UserId = g.Key, Load = g.Count(),
                Resolved = g.Count(i => i.ResolvedAt >= start && i.ResolvedAt < end && i.Status != Incidents.IncidentStatus.Cancelled),
            }).ToListAsync(ct);
        var pages = OffHoursPages.Load(db, filter);
        var people = load.Select(l => l.UserId).Union(pages.Select(p => p.UserId)).ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var rows = people.Select(id =>
        {
            var l = load.FirstOrDefault(x => x.UserId == id);
            var key = $"user:{id}";
            return new PersonRow(id, names.GetValueOrDefault(id) ?? id, l?.Load ?? 0, l?.Resolved ?? 0,
                pages.Count(p => p.UserId == id), pages.Count(p => p.UserId == id && p.OffHours),
                ReportSlice.Of(ReportSlice.Kinds.Load, key), ReportSlice.Of(ReportSlice.Kinds.OffHours, key));
        }).OrderByDescending(r => r.Load).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
        IReadOnlyList<ReportFigure> headline =
        [
            Figure(ReportDefinitions.Load, rows.Sum(r => r.Load), null, "count", null),
            Figure(ReportDefinitions.OffHours, rows.Sum(r => r.OffHoursPages), null, "count", null),
        ];
        return new PeopleReport(filter, headline, rows);
    }
}
