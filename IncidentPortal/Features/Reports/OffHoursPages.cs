using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Sla;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Reports;

/// <summary>
/// Pages (paging-policy notifications, <see cref="NotificationKind.Escalation"/>) and whether each fell outside business
/// hours: on the calendar the incident's team uses in the escalation matrix (Admin › Escalation). A team without a
/// calendar has no business hours to be outside of, so its pages are never off-hours.
/// </summary>
internal static class OffHoursPages
{
    public sealed record Page(string UserId, int IncidentId, DateTime At, bool OffHours);

    public static List<Page> Load(AppDbContext db, ReportFilter filter, string? userId = null)
    {
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        var scope = ReportQueries.Scope(db, filter);
        var pages = db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.Escalation && n.CreatedAt >= start && n.CreatedAt < end
            && n.IncidentId != null && scope.Any(i => i.Id == n.IncidentId));
        if (userId is not null) pages = pages.Where(n => n.UserId == userId);
        var rows = pages.Select(n => new
        {
            n.UserId, IncidentId = n.IncidentId!.Value, n.CreatedAt,
            CalendarId = db.TeamEscalations.Where(t => db.Incidents.Any(i => i.Id == n.IncidentId && i.AssignmentGroupId == t.TeamId))
                .Select(t => t.CalendarId).FirstOrDefault(),
        }).ToList();
        var ids = rows.Where(r => r.CalendarId != null).Select(r => r.CalendarId!.Value).Distinct().ToList();
        var calendars = ids.Count == 0 ? new Dictionary<int, BusinessCalendar>() : db.BusinessCalendars.AsNoTracking().Include(c => c.Periods).Include(c => c.Holidays)
            .Where(c => ids.Contains(c.Id)).ToDictionary(c => c.Id);
        return [.. rows.Select(r => new Page(r.UserId, r.IncidentId, r.CreatedAt,
            r.CalendarId is { } id && calendars.TryGetValue(id, out var calendar) && !BusinessHours.IsOpen(calendar, r.CreatedAt)))];
    }

    /// <summary>The incidents for which <paramref name="userId"/> was paged off-hours in the range.</summary>
    public static List<int> IncidentIds(AppDbContext db, ReportFilter filter, string userId) =>
        [.. Load(db, filter, userId).Where(p => p.OffHours).Select(p => p.IncidentId).Distinct()];
}
