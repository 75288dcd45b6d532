using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Incidents;

public sealed partial class IncidentService
{
    /// <summary>
    /// Applies <paramref name="command"/> as the system (SLA watcher, escalation, monitoring), which the timeline shows as
    /// <see cref="SystemName"/>. <paramref name="sameTransaction"/> runs in the same unit of work before saving, so work
    /// that must happen exactly once (claiming an SLA warning) commits with the timeline entry; it returns false to
    /// abandon the change. Returns null when abandoned. A concurrent save is retried on a fresh copy.
    /// </summary>
    public async Task<IncidentUpdated?> ChangeAsSystemAsync(int incidentId, IncidentCommand command,
        Func<AppDbContext, Incident, CancellationToken, Task<bool>>? sameTransaction = null, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ChangeAsSystemOnceAsync(incidentId, command, sameTransaction, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
            }
        }
    }

    private async Task<IncidentUpdated?> ChangeAsSystemOnceAsync(int incidentId, IncidentCommand command,
        Func<AppDbContext, Incident, CancellationToken, Task<bool>>? sameTransaction, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incident = await db.Incidents
            .Include(i => i.Service).Include(i => i.Category).ThenInclude(c => c!.Parent)
            .Include(i => i.AssignmentGroup).Include(i => i.Assignee)
            .SingleOrDefaultAsync(i => i.Id == incidentId, ct) ?? throw new IncidentNotFoundException();
        var before = (incident.AssignmentGroupId, incident.AssigneeId);
        var firstNew = incident.Activities.Count;
        var by = new ChangeContext(null, Now, ActorIsAgent: true);
        await ApplyAsync(db, incident, by, command, ct);
        if (sameTransaction is not null && !await sameTransaction(db, incident, ct)) return null;
        var recorded = incident.Activities.Skip(firstNew).ToList();
        await RunSaveHooksAsync(db, incident, recorded, isNew: false, by, ct);
        await db.SaveChangesAsync(ct);

        var updated = Updated(incident, null, SystemName, recorded, before.AssignmentGroupId, before.AssigneeId);
        await events.PublishAsync(updated);
        return updated;
    }

    private async Task RunSaveHooksAsync(AppDbContext db, Incident incident, IReadOnlyList<IncidentActivity> recorded, bool isNew,
        ChangeContext by, CancellationToken ct, SaveLookups? lookups = null)
    {
        if (hooks.Length == 0) return;
        var context = new IncidentSaveContext(db, incident, recorded, isNew, by.At, by.ActorId, lookups ?? new SaveLookups());
        foreach (var hook in hooks) await hook.BeforeSaveAsync(context, ct);
    }
}
