using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Incidents;

/// <summary>The agents' queue: open incidents, highest priority and oldest first.</summary>
public sealed class QueueService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<List<IncidentRow>> ListOpenAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsStaff) throw new UnauthorizedAccessException("The queue is for agents.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await IncidentQueries.Rows(db.Incidents
                .Where(i => IncidentLifecycle.OpenStatuses.Contains(i.Status))
                .OrderBy(i => i.Priority).ThenBy(i => i.CreatedAt))
            .ToListAsync(ct);
    }
}
