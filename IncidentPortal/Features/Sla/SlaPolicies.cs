using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Sla;

/// <summary>Finds the policy that governs an incident: its service's own policy, else the default one.</summary>
public static class SlaPolicies
{
    public static IQueryable<SlaPolicy> WithCalendars(AppDbContext db) => db.SlaPolicies
        .Include(p => p.Targets).ThenInclude(t => t.Calendar!).ThenInclude(c => c.Periods)
        .Include(p => p.Targets).ThenInclude(t => t.Calendar!).ThenInclude(c => c.Holidays)
        .AsSplitQuery();

    public static async Task<SlaPolicy?> ForServiceAsync(AppDbContext db, int? serviceId, CancellationToken ct)
    {
        var candidates = await WithCalendars(db).AsNoTracking()
            .Where(p => p.ServiceId == null || (serviceId != null && p.ServiceId == serviceId)).ToListAsync(ct);
        return candidates.FirstOrDefault(p => p.ServiceId is not null) ?? candidates.FirstOrDefault();
    }

    /// <summary>All policies at once, for recomputing many incidents: the default one and one per service.</summary>
    public static async Task<(SlaPolicy? Default, Dictionary<int, SlaPolicy> ByService)> AllAsync(AppDbContext db, CancellationToken ct)
    {
        var all = await WithCalendars(db).AsNoTracking().ToListAsync(ct);
        return (all.FirstOrDefault(p => p.ServiceId is null), all.Where(p => p.ServiceId is not null).ToDictionary(p => p.ServiceId!.Value));
    }
}
