using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Reports;

public sealed partial class ReportsService
{
    /// <summary>The ids of <see cref="Matching"/>, newest first, at most <see cref="MaxIncidents"/>; for the queue's drill-down.</summary>
    public async Task<IReadOnlyList<int>> MatchingIdsAsync(Actor actor, ReportFilter filter, ReportSlice slice, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        if (slice.Kind is ReportSlice.Kinds.Load or ReportSlice.Kinds.OffHours) EnsureManager(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Matching(db, filter, slice).OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Select(i => i.Id).Take(MaxIncidents).ToListAsync(ct);
    }

    /// <summary>The queue rows of <see cref="Matching"/>, newest first: the drill-down list for the API and the CSV.</summary>
    public async Task<IReadOnlyList<IncidentRow>> IncidentRowsAsync(Actor actor, ReportFilter filter, ReportSlice slice, int max = MaxIncidents,
        CancellationToken ct = default)
    {
        EnsureStaff(actor);
        if (slice.Kind is ReportSlice.Kinds.Load or ReportSlice.Kinds.OffHours) EnsureManager(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matching = Matching(db, filter, slice).AsNoTracking().OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Take(Math.Clamp(max, 1, MaxIncidents));
        return await IncidentQueries.Rows(matching).ToListAsync(ct);
    }
}
