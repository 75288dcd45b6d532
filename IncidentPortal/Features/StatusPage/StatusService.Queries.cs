using IncidentPortal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.StatusPage;

public sealed record ComponentChoice(int Id, string Name, string? GroupName, ComponentStatus Status, int? ServiceId);

public sealed record PublishedUpdate(IncidentPhase Phase, string Message, DateTime At);

public sealed record PublicIncidentState(int Id, string Title, IncidentPhase Phase, int Version, IReadOnlyDictionary<int, ComponentStatus> Impacts,
    IReadOnlyList<PublishedUpdate> Updates)
{
    public bool IsOpen => Phase != IncidentPhase.Resolved;
}

/// <summary>What the publish panel needs: the incident's public incident (if any) and the components to choose from.</summary>
public sealed record PublishingState(PublicIncidentState? Current, IReadOnlyList<ComponentChoice> Components);

public sealed partial class StatusService
{
    public async Task<PublishingState> PublishingStateAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        RequireManager(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var components = (await db.StatusComponents.AsNoTracking()
            .Select(c => new ComponentChoice(c.Id, c.Name, c.GroupName, c.Status, c.ServiceId)).ToListAsync(ct))
            .OrderBy(c => c.GroupName ?? "\uffff").ThenBy(c => c.Name).ToList();
        var stored = await db.PublicIncidents.AsNoTracking().Include(p => p.Impacts).Include(p => p.Updates)
            .SingleOrDefaultAsync(p => p.IncidentId == incidentId, ct);
        var current = stored is null ? null : new PublicIncidentState(stored.Id, stored.Title, stored.Phase, stored.Version,
            stored.Impacts.ToDictionary(i => i.ComponentId, i => i.Status),
            stored.Updates.OrderByDescending(u => u.PublishedAt).ThenByDescending(u => u.Id).Select(u => new PublishedUpdate(u.Phase, u.Message, u.PublishedAt)).ToList());
        return new PublishingState(current, components);
    }
}
