using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>The war room's read side. Staff only: a reporter gets not found, as from the commands.</summary>
public sealed class WarRoomQueries(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, IOptionsMonitor<MajorIncidentOptions> options)
{
    public async Task<WarRoomView> GetAsync(Actor actor, int majorId, CancellationToken ct = default)
    {
        if (!actor.IsStaff) throw new MajorIncidentNotFoundException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var major = await db.MajorIncidents.AsNoTracking().Include(m => m.Roles).Include(m => m.Log).Include(m => m.Children)
            .AsSplitQuery().SingleOrDefaultAsync(m => m.Id == majorId, ct) ?? throw new MajorIncidentNotFoundException();
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == major.IncidentId)
            .Select(i => new { i.Number, i.Title, i.CreatedAt, i.ReporterId }).SingleAsync(ct);
        var childIds = major.Children.Select(c => c.IncidentId).ToList();
        var children = await db.Incidents.AsNoTracking().Where(i => childIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Number, i.Title, i.Status, i.CreatedAt, i.ReporterId, Reporter = i.Reporter!.DisplayName })
            .ToListAsync(ct);
        var settings = options.CurrentValue;
        var meaning = major.Severity is { } severity && settings.Severities.TryGetValue(severity, out var level) ? level.Meaning : null;
        var firstReport = children.Select(c => c.CreatedAt).Append(incident.CreatedAt).Min();
        var measures = MajorIncidentMeasures.Of(major, firstReport, children.Count, children.Select(c => c.ReporterId).Append(incident.ReporterId));

        return new WarRoomView(major.Id, major.IncidentId, Incident.FormatReference(incident.Number), incident.Title, major.State,
            major.Severity, meaning, major.ProposedAt, major.DeclaredAt, major.MitigatedAt, major.ResolvedAt, major.BridgeUrl,
            CommunicationCadence.At(major, settings, clock.GetUtcNow().UtcDateTime)?.DueAt,
            major.Severity is { } sev && settings.Severities.TryGetValue(sev, out var rhythm) ? rhythm.UpdateEvery : null, major.LastCommunicationAt,
            [.. major.Current.OrderBy(r => r.Role).ThenBy(r => r.AssignedAt).Select(r => new WarRoomRole(r.Role, r.UserId, r.Name, r.AssignedAt))],
            [.. major.Log.Select(e => new WarRoomEntry(e.Id, e.Kind, e.Text, e.ActorName, e.At, e.Pinned))],
            [.. children.OrderBy(c => c.Number).Select(c => new WarRoomChild(c.Id, Incident.FormatReference(c.Number), c.Title, c.Status, c.Reporter,
                major.Children.Single(l => l.IncidentId == c.Id).FollowsResolution))],
            measures, await LastPublicUpdateAsync(db, major.IncidentId, ct));
    }

    /// <summary>Agents, incident managers and admins: the people a role can be given to.</summary>
    public async Task<IReadOnlyList<WarRoomPerson>> StaffAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsStaff) throw new MajorIncidentNotFoundException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from u in db.Users
                      where db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId
                          && (r.Name == Roles.Agent || r.Name == Roles.IncidentManager || r.Name == Roles.Admin)))
                      orderby u.DisplayName
                      select new WarRoomPerson(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    private static async Task<WarRoomPublicUpdate?> LastPublicUpdateAsync(AppDbContext db, int incidentId, CancellationToken ct) =>
        await db.PublicIncidentUpdates.AsNoTracking()
            .Join(db.PublicIncidents.Where(p => p.IncidentId == incidentId), u => u.PublicIncidentId, p => p.Id, (u, p) => new { u, p.Title })
            .OrderByDescending(x => x.u.PublishedAt).ThenByDescending(x => x.u.Id)
            .Select(x => new WarRoomPublicUpdate(x.Title, x.u.Phase, x.u.Message, x.u.PublishedAt)).FirstOrDefaultAsync(ct);
}
