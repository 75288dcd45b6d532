using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Incidents;

public sealed partial class IncidentService
{
    /// <summary>Who the timeline names for changes nobody made by hand.</summary>
    public const string SystemName = "System";

    /// <summary>
    /// Closes, as the system, every incident resolved before <paramref name="cutoff"/>; returns how many it closed.
    /// Not callable from a page: only <see cref="IncidentAutoCloser"/> uses it. Each incident is closed in its own
    /// unit of work, so one that is reopened meanwhile (a concurrency conflict) is simply left alone.
    /// </summary>
    public async Task<int> CloseResolvedBeforeAsync(DateTime cutoff, string note, CancellationToken ct = default)
    {
        List<int> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.Incidents.AsNoTracking()
                .Where(i => i.Status == IncidentStatus.Resolved && i.ResolvedAt < cutoff)
                .OrderBy(i => i.ResolvedAt).Select(i => i.Id).ToListAsync(ct);
        }

        var closed = 0;
        foreach (var id in due)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == id, ct);
            if (incident is not { Status: IncidentStatus.Resolved } || incident.ResolvedAt >= cutoff) continue;
            var by = new ChangeContext(null, Now, ActorIsAgent: false);
            incident.Close(by, note);
            await RunSaveHooksAsync(db, incident, incident.Activities.ToList(), isNew: false, by, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                continue;
            }
            closed++;
            await events.PublishAsync(Updated(incident, null, SystemName, incident.Activities.ToList(),
                incident.AssignmentGroupId, incident.AssigneeId));
        }
        return closed;
    }
}
