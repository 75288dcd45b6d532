using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;

namespace IncidentPortal.Features.Reports;

public sealed partial class ReportsService
{
    public async Task<VolumeReport> VolumeAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await Task.CompletedTask;
        return new VolumeReport(filter, filter.Grain, [], [], [], []);
    }

    public async Task<SpeedReport> SpeedAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await Task.CompletedTask;
        return new SpeedReport(filter, [], [], [], []);
    }

    public async Task<SlaReport> SlaAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await Task.CompletedTask;
        return new SlaReport(filter, [], [], [], [], 0);
    }

    public async Task<QualityReport> QualityAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await Task.CompletedTask;
        return new QualityReport(filter, [], [], [], []);
    }

    public async Task<PeopleReport> PeopleAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        EnsureManager(actor);
        await Task.CompletedTask;
        return new PeopleReport(filter, [], []);
    }

    /// <summary>
    /// Exactly the incidents <paramref name="slice"/> counted under <paramref name="filter"/> (a figure and its list can
    /// never disagree: both are built from this query or its in-memory twin). An unknown slice matches nothing.
    /// </summary>
    public IQueryable<Incident> Matching(AppDbContext db, ReportFilter filter, ReportSlice slice) =>
        db.Incidents.Where(i => false);

    /// <summary>The ids of <see cref="Matching"/>, newest first, at most <see cref="MaxIncidents"/>; for the queue's drill-down.</summary>
    public async Task<IReadOnlyList<int>> MatchingIdsAsync(Actor actor, ReportFilter filter, ReportSlice slice, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        if (slice.Kind is ReportSlice.Kinds.Load or ReportSlice.Kinds.OffHours) EnsureManager(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            Matching(db, filter, slice).OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Select(i => i.Id).Take(MaxIncidents), ct);
    }
}
