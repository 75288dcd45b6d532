using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.StatusPage.Internal;

public sealed record AffectedComponent(string Name, ComponentStatus Status);

/// <summary>The last update the public read: published text only.</summary>
public sealed record LastPublicUpdate(IncidentPhase Phase, string Message, DateTime At, string? By);

/// <summary>
/// One open incident as stakeholders see it on /status/internal. Carries no timeline, so work notes cannot reach the view.
/// <paramref name="IsMajor"/>: it is on the public status page (an open public incident), whatever its priority.
/// </summary>
public sealed record InternalIncident(int Id, int Number, string Title, Priority Priority, IncidentStatus Status, bool IsMajor,
    string? Service, string? Team, string? Assignee, DateTime OpenedAt, DateTime? Eta,
    string? PublicTitle, IncidentPhase? Phase, IReadOnlyList<AffectedComponent> Components, LastPublicUpdate? LastUpdate)
{
    public string Reference => Incident.FormatReference(Number);
}

public sealed record InternalStatus(IReadOnlyList<InternalIncident> Incidents, IReadOnlyList<AffectedComponent> DisruptedComponents, DateTime At);

/// <summary>Reads the internal status view: every open major incident and every open P1/P2, for staff only.</summary>
public sealed class InternalStatusQueries(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public static bool MaySee(Actor actor) => actor.IsStaff;

    public async Task<InternalStatus> LoadAsync(Actor actor, CancellationToken ct = default)
    {
        if (!MaySee(actor)) throw new UnauthorizedAccessException("The internal status view is for staff.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = IncidentLifecycle.OpenStatuses;
        var majorIds = db.PublicIncidents.Where(p => p.Phase != IncidentPhase.Resolved).Select(p => p.IncidentId);
        var rows = await db.Incidents.AsNoTracking()
            .Where(i => open.Contains(i.Status) && (i.Priority == Priority.P1 || i.Priority == Priority.P2 || majorIds.Contains(i.Id)))
            .Select(i => new
            {
                i.Id, i.Number, i.Title, i.Priority, i.Status, i.CreatedAt, i.Eta,
                Service = i.Service!.Name, Team = i.AssignmentGroup!.Name, Assignee = i.Assignee!.DisplayName,
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var publicIncidents = await db.PublicIncidents.AsNoTracking().Include(p => p.Impacts)
            .Where(p => ids.Contains(p.IncidentId)).ToListAsync(ct);
        var publicIds = publicIncidents.Select(p => p.Id).ToList();
        var lastUpdates = (await db.PublicIncidentUpdates.AsNoTracking().Where(u => publicIds.Contains(u.PublicIncidentId))
                .Select(u => new
                {
                    u.Id, u.PublicIncidentId, u.Phase, u.Message, u.PublishedAt,
                    By = db.Users.Where(x => x.Id == u.PublishedById).Select(x => x.DisplayName).FirstOrDefault()
                })
                .ToListAsync(ct))
            .GroupBy(u => u.PublicIncidentId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(u => u.PublishedAt).ThenByDescending(u => u.Id).First());
        var componentNames = await db.StatusComponents.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var disrupted = (await db.StatusComponents.AsNoTracking().Where(c => c.Status != ComponentStatus.Operational)
            .Select(c => new { c.Name, c.Status, c.DisplayOrder }).ToListAsync(ct))
            .OrderByDescending(c => c.Status).ThenBy(c => c.DisplayOrder).Select(c => new AffectedComponent(c.Name, c.Status)).ToList();

        var incidents = rows.Select(r =>
        {
            var p = publicIncidents.FirstOrDefault(x => x.IncidentId == r.Id);
            var last = p is not null && lastUpdates.TryGetValue(p.Id, out var u) ? new LastPublicUpdate(u.Phase, u.Message, u.PublishedAt, u.By) : null;
            var components = p?.Impacts.Where(i => componentNames.ContainsKey(i.ComponentId))
                .Select(i => new AffectedComponent(componentNames[i.ComponentId], i.Status)).OrderByDescending(c => c.Status).ToList() ?? [];
            return new InternalIncident(r.Id, r.Number, r.Title, r.Priority, r.Status, p is { IsOpen: true },
                r.Service, r.Team, r.Assignee, r.CreatedAt, r.Eta, p?.Title, p?.Phase, components, last);
        })
        // Most serious first: on the public page, then priority, then longest open.
        .OrderByDescending(i => i.IsMajor).ThenBy(i => i.Priority).ThenBy(i => i.OpenedAt).ToList();
        return new InternalStatus(incidents, disrupted, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The incident's current ETA, for the workspace's ETA field.</summary>
    public async Task<DateTime?> EtaAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        if (!MaySee(actor)) throw new UnauthorizedAccessException("Only staff see the expected resolution.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Incidents.Where(i => i.Id == incidentId).Select(i => i.Eta).SingleOrDefaultAsync(ct);
    }
}
