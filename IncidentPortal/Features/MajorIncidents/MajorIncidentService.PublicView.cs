using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>One public update: a status-page update (with its phase) or a public comment by the response.</summary>
public sealed record PublicUpdate(DateTime At, string Text, string? Phase);

/// <summary>What a child's reporter sees of its major incident: its public title, where it stands, its public updates.</summary>
public sealed record ChildBanner(int ParentIncidentId, string Title, MajorIncidentState State, IReadOnlyList<PublicUpdate> Updates)
{
    public bool IsOver => State is MajorIncidentState.Resolved or MajorIncidentState.InReview;
}

public sealed partial class MajorIncidentService
{
    public const int PublicUpdatesShown = 10;

    /// <summary>
    /// For the reporter of <paramref name="incidentId"/> (or staff): the major incident it is a child of, as the public
    /// sees it. Only what was published (status-page title and updates) and public comments on the parent by the
    /// response — never the war room, work notes, the internal title or the parent's reporter's own words.
    /// </summary>
    public async Task<ChildBanner?> ChildBannerAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reporterId = await db.Incidents.Where(i => i.Id == incidentId).Select(i => i.ReporterId).SingleOrDefaultAsync(ct);
        if (reporterId is null || !(actor.IsStaff || reporterId == actor.UserId)) return null;
        var parent = await db.Set<LinkedIncident>().AsNoTracking().Where(l => l.IncidentId == incidentId)
            .Join(db.MajorIncidents, l => l.MajorIncidentId, m => m.Id, (l, m) => m)
            .Join(db.Incidents, m => m.IncidentId, i => i.Id, (m, i) => new { m.State, i.Id, i.ReporterId, Service = i.Service!.Name })
            .FirstOrDefaultAsync(ct);
        if (parent is null || parent.State is MajorIncidentState.Proposed or MajorIncidentState.Rejected) return null;
        var (title, updates) = await PublicPartsAsync(db, parent.Id, parent.ReporterId, ct);
        return new ChildBanner(parent.Id, title ?? (parent.Service is { } service ? $"Disruption to {service}" : "A known disruption"),
            parent.State, updates);
    }

    /// <summary>The published title (null if nothing was published) and the newest public updates of an incident.</summary>
    internal static async Task<(string? Title, IReadOnlyList<PublicUpdate> Updates)> PublicPartsAsync(AppDbContext db, int incidentId,
        string reporterId, CancellationToken ct)
    {
        var published = await db.PublicIncidents.AsNoTracking().Where(p => p.IncidentId == incidentId)
            .Select(p => new
            {
                p.Title, Updates = p.Updates.OrderByDescending(u => u.Id).Take(PublicUpdatesShown)
                .Select(u => new { u.PublishedAt, u.Message, u.Phase }).ToList()
            })
            .FirstOrDefaultAsync(ct);
        var comments = await db.IncidentActivities.AsNoTracking()
            .Where(a => a.IncidentId == incidentId && a.IsPublic && a.Kind == ActivityKind.PublicComment && a.ActorId != reporterId)
            .OrderByDescending(a => a.Id).Take(PublicUpdatesShown).Select(a => new { a.At, a.Text }).ToListAsync(ct);
        var updates = comments.Select(c => new PublicUpdate(c.At, c.Text ?? "", null))
            .Concat(published?.Updates.Select(u => new PublicUpdate(u.PublishedAt, u.Message, u.Phase.ToString())) ?? [])
            .OrderByDescending(u => u.At).Take(PublicUpdatesShown).ToList();
        return (published?.Title, updates);
    }
}
