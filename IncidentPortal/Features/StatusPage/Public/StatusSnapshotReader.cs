using System.Globalization;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.StatusPage.Public;

/// <summary>Reads a <see cref="StatusSnapshot"/>: a handful of no-tracking queries, then everything is shaped in memory.</summary>
public static class StatusSnapshotReader
{
    public const int HistoryDays = 90;

    public static async Task<StatusSnapshot> ReadAsync(AppDbContext db, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var windowStart = today.AddDays(-(HistoryDays - 1)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var components = await db.StatusComponents.AsNoTracking().Where(c => c.IsVisible)
            .OrderBy(c => c.DisplayOrder).ThenBy(c => c.Name).ToListAsync(ct);
        var names = components.ToDictionary(c => c.Id, c => c.Name);
        var periods = await db.ComponentStatusPeriods.AsNoTracking()
            .Where(p => p.EndedAt == null || p.EndedAt >= windowStart).ToListAsync(ct);
        var incidents = await db.PublicIncidents.AsNoTracking().AsSplitQuery().Include(i => i.Updates).Include(i => i.Impacts)
            .Where(i => i.ResolvedAt == null || i.ResolvedAt >= windowStart)
            .OrderByDescending(i => i.CreatedAt).ToListAsync(ct);
        var maintenances = await db.ScheduledMaintenances.AsNoTracking().Include(m => m.Components)
            .Where(m => m.EndsAt >= windowStart && m.State != MaintenanceState.Cancelled)
            .OrderBy(m => m.StartsAt).ToListAsync(ct);

        var views = components.Select(c => Component(c, periods.Where(p => p.ComponentId == c.Id).ToList(), today, now)).ToList();
        var groups = views.GroupBy(v => v.Group).Select(g => new ComponentGroupView(g.Key, g.ToList())).ToList();
        return new StatusSnapshot(now, StatusText.Worst(views.Select(v => v.Status)), groups,
            incidents.Select(i => Incident(i, names)).ToList(),
            maintenances.Select(m => new MaintenanceView(m.Id, m.Title, m.Message, m.StartsAt, m.EndsAt, m.State, m.CreatedAt, m.UpdatedAt,
                m.Components.Where(c => names.ContainsKey(c.ComponentId))
                    .Select(c => new ImpactView(c.ComponentId, names[c.ComponentId], ComponentStatus.UnderMaintenance)).ToList())).ToList());
    }

    /// <summary>Public incidents created in a month (history pages), shaped like the snapshot's.</summary>
    public static async Task<IReadOnlyList<IncidentView>> ReadMonthAsync(AppDbContext db, DateOnly month, CancellationToken ct)
    {
        var from = month.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = from.AddMonths(1);
        var names = await db.StatusComponents.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var incidents = await db.PublicIncidents.AsNoTracking().AsSplitQuery().Include(i => i.Updates).Include(i => i.Impacts)
            .Where(i => i.CreatedAt >= from && i.CreatedAt < to).OrderByDescending(i => i.CreatedAt).ToListAsync(ct);
        return incidents.Select(i => Incident(i, names)).ToList();
    }

    public static async Task<IncidentView?> ReadIncidentAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var incident = await db.PublicIncidents.AsNoTracking().AsSplitQuery().Include(i => i.Updates).Include(i => i.Impacts)
            .SingleOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null) return null;
        var names = await db.StatusComponents.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return Incident(incident, names);
    }

    private static IncidentView Incident(PublicIncident i, IReadOnlyDictionary<int, string> names) => new(
        i.Id, i.Title, i.Phase, i.CreatedAt, i.UpdatedAt, i.ResolvedAt,
        i.Impacts.Where(x => names.ContainsKey(x.ComponentId)).Select(x => new ImpactView(x.ComponentId, names[x.ComponentId], x.Status)).ToList(),
        i.Updates.OrderByDescending(u => u.PublishedAt).ThenByDescending(u => u.Id)
            .Select(u => new UpdateView(u.Id, u.Phase, u.Message, u.PublishedAt, Affected(u.AffectedComponents, names))).ToList());

    /// <summary>Parses "componentId:Status,…" as stored with each update; unknown or hidden components are left out.</summary>
    internal static IReadOnlyList<ImpactView> Affected(string stored, IReadOnlyDictionary<int, string> names) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(part => part.Split(':'))
            .Where(p => p.Length == 2 && int.TryParse(p[0], CultureInfo.InvariantCulture, out var id) && names.ContainsKey(id) && Enum.TryParse<ComponentStatus>(p[1], out _))
            .Select(p => new ImpactView(int.Parse(p[0], CultureInfo.InvariantCulture), names[int.Parse(p[0], CultureInfo.InvariantCulture)], Enum.Parse<ComponentStatus>(p[1]))).ToList();

    private static ComponentView Component(StatusComponent c, List<ComponentStatusPeriod> periods, DateOnly today, DateTime now)
    {
        var (days, uptime) = UptimeHistory.Build(periods, c.StatusChangedAt, today, now, HistoryDays);
        return new ComponentView(c.Id, c.Name, c.Description, c.GroupName, c.DisplayOrder, c.Status, c.StatusChangedAt, uptime, days);
    }
}
