using IncidentPortal.Features.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>
/// An incident that is a running major incident, resolved or cancelled from its workspace (or the API) rather than
/// the war room, ends the response too, in the same unit of work: the war room never shows a response running for an
/// incident that is over. (Resolving from the war room resolves the response first, so this finds nothing to do.)
/// </summary>
internal sealed class ParentClosedHook : IIncidentSaveHook
{
    public async Task BeforeSaveAsync(IncidentSaveContext context, CancellationToken ct)
    {
        if (context.IsNew || context.Incident.IsOpen) return;
        var major = await context.Db.MajorIncidents.Include(m => m.Roles).Include(m => m.Log).AsSplitQuery()
            .SingleOrDefaultAsync(m => m.IncidentId == context.Incident.Id, ct);
        if (major is not { IsActive: true }) return;
        var name = context.ActorId is null ? IncidentService.SystemName
            : await context.Db.Users.Where(u => u.Id == context.ActorId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "";
        var logCount = major.Log.Count;
        major.Resolve(new ResponseActor(context.ActorId!, name, context.Now),
            $"The incident was {IncidentText.Label(context.Incident.Status).ToLowerInvariant()} outside the war room");
        await MajorIncidentTimeline.MirrorAsync(context.Db, major, logCount, context.Incident, ct);
    }
}
