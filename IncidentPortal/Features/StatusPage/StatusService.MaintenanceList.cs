using IncidentPortal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.StatusPage;

public sealed record MaintenanceRow(int Id, string Title, string Message, DateTime StartsAt, DateTime EndsAt, MaintenanceState State,
    int Version, IReadOnlyList<string> Components);

public sealed partial class StatusService
{
    /// <summary>Maintenance not over yet, then the last <paramref name="recent"/> finished or cancelled ones.</summary>
    public async Task<List<MaintenanceRow>> ListMaintenanceAsync(Actor actor, int recent = 10, CancellationToken ct = default)
    {
        RequireManager(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var names = await db.StatusComponents.ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var live = await db.ScheduledMaintenances.AsNoTracking().Include(m => m.Components)
            .Where(m => m.State == MaintenanceState.Scheduled || m.State == MaintenanceState.InProgress).OrderBy(m => m.StartsAt).ToListAsync(ct);
        var past = await db.ScheduledMaintenances.AsNoTracking().Include(m => m.Components)
            .Where(m => m.State == MaintenanceState.Completed || m.State == MaintenanceState.Cancelled)
            .OrderByDescending(m => m.EndsAt).Take(recent).ToListAsync(ct);
        return live.Concat(past).Select(m => new MaintenanceRow(m.Id, m.Title, m.Message, m.StartsAt, m.EndsAt, m.State, m.Version,
            m.Components.Select(c => names.GetValueOrDefault(c.ComponentId, "?")).Order().ToList())).ToList();
    }

    public async Task<List<ComponentChoice>> ComponentChoicesAsync(Actor actor, CancellationToken ct = default)
    {
        RequireManager(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.StatusComponents.AsNoTracking().Select(c => new ComponentChoice(c.Id, c.Name, c.GroupName, c.Status, c.ServiceId))
            .ToListAsync(ct)).OrderBy(c => c.GroupName ?? "\uffff").ThenBy(c => c.Name).ToList();
    }
}
