using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>
/// "Post update" in the war room: publishes through the status page's own flow (<see cref="StatusService"/>: the public
/// page, the internal status view, subscribers). The publication itself records the communication on the major
/// incident in the same unit of work (<see cref="PublicUpdateHook"/>), so the update rhythm restarts and the two never
/// disagree. Who may publish is the status page's rule (incident managers and admins).
/// </summary>
public sealed class MajorIncidentStatusUpdates(IDbContextFactory<AppDbContext> dbFactory, StatusService status)
{
    public static bool CanPublish(Actor actor) => StatusService.CanManage(actor);

    public async Task<AdminResult> PublishAsync(Actor actor, int majorId, PublishRequest request, CancellationToken ct = default)
    {
        if (!actor.IsStaff) throw new MajorIncidentNotFoundException();
        if (!CanPublish(actor)) return AdminResult.Refused("Only incident managers and admins publish to the status page.");
        int incidentId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var major = await db.MajorIncidents.AsNoTracking().Where(m => m.Id == majorId)
                .Select(m => new { m.IncidentId, m.State }).SingleOrDefaultAsync(ct) ?? throw new MajorIncidentNotFoundException();
            // Only a running response takes updates from the war room; the status page has its own page for the rest.
            if (major.State is not (MajorIncidentState.Declared or MajorIncidentState.Mitigated))
                return AdminResult.Refused("Updates are posted from the war room while the response is running.");
            incidentId = major.IncidentId;
        }
        return await status.PublishUpdateAsync(actor, incidentId, request, ct);
    }
}
