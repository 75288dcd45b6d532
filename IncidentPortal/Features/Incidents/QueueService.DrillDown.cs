using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Reports;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Incidents;

public sealed partial class QueueService
{
    /// <summary>
    /// The incidents the list starts from: the view's open incidents, or, for a drill-down from Reports, exactly the
    /// incidents the figure counted (open and closed: <see cref="ReportsService.Matching"/>); filters, search, sort and
    /// paging apply on top either way, so the bulk actions and the export see the same list.
    /// </summary>
    private IQueryable<Incident> Scope(AppDbContext db, Actor actor, QueueQuery query, IReadOnlyCollection<int> myTeams, IQueryable<int> dueSoon)
    {
        if (!query.IsDrillDown) return QueueViews.Apply(Open(db), query.View, actor.UserId, myTeams, dueSoon);
        if (reports is null) throw new InvalidOperationException("Drill-downs from Reports need the ReportsService.");
        if (DrillDown(query, Now) is not var (filter, slice)) return db.Incidents.AsNoTracking().Where(_ => false);
        if (!MayDrillInto(actor, slice)) throw new UnauthorizedAccessException("That figure is for incident managers and admins.");
        return reports.Matching(db, filter, slice).AsNoTracking();
    }

    /// <summary>The report filter and slice a drill-down address names; null when it names none. A drill-down link always
    /// names its zone (tz), so a missing one means UTC, whoever opens it.</summary>
    public static (ReportFilter Filter, ReportSlice Slice)? DrillDown(QueueQuery query, DateTime nowUtc) =>
        query.IsDrillDown && ReportSlice.TryParse(query.Slice, out var slice) ? (ReportUrl.Parse(query.Report, "UTC", nowUtc), slice) : null;

    /// <summary>People figures (load, off-hours pages) name people: incident managers and admins only, as on the Reports page.</summary>
    public static bool MayDrillInto(Actor actor, ReportSlice slice) =>
        actor.IsStaff && (slice.Kind is not (ReportSlice.Kinds.Load or ReportSlice.Kinds.OffHours) || ReportsService.CanSeePeople(actor));

    private DateTime Now => (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
}
