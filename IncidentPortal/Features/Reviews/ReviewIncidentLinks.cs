using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Reviews;

/// <summary>An incident a review's incident is linked to, and how.</summary>
public sealed record RelatedIncident(int Id, string Reference, string Title, string Relation, string? Reporter);

/// <summary>What a review knows about its incident's reach: the incidents tied to it and the people who reported them.</summary>
public sealed record IncidentReach(IReadOnlyList<RelatedIncident> Related, IReadOnlyList<string> Affected);

/// <summary>
/// The incidents tied to a review's incident, read from the incident itself every time (never a number frozen when the
/// review started): its duplicates and the one it duplicates, the children of its major incident (or its parent), and
/// incidents on the same service while it was open. The people affected are their reporters (people only: no system
/// account such as monitoring).
/// </summary>
internal static class ReviewIncidentLinks
{
    public const string DuplicateOfThis = "duplicate of this incident";
    public const string Original = "the incident this one duplicates";
    public const string Child = "linked to this major incident";
    public const string Parent = "the major incident this one is linked to";
    public const string SameService = "same service, same period";

    public static async Task<IncidentReach> LoadAsync(AppDbContext db, int incidentId, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId)
            .Select(i => new { i.ServiceId, i.CreatedAt, i.ResolvedAt, i.DuplicateOfId, i.ReporterId }).SingleOrDefaultAsync(ct);
        if (incident is null) return new IncidentReach([], []);

        var links = new List<(int Id, string Relation)>();
        links.AddRange((await db.Incidents.Where(i => i.DuplicateOfId == incidentId).Select(i => i.Id).ToListAsync(ct)).Select(id => (id, DuplicateOfThis)));
        if (incident.DuplicateOfId is { } original) links.Add((original, Original));
        var children = db.Set<LinkedIncident>();
        links.AddRange((await children.Where(c => db.MajorIncidents.Any(m => m.Id == c.MajorIncidentId && m.IncidentId == incidentId))
            .Select(c => c.IncidentId).ToListAsync(ct)).Select(id => (id, Child)));
        links.AddRange((await db.MajorIncidents.Where(m => children.Any(c => c.MajorIncidentId == m.Id && c.IncidentId == incidentId))
            .Select(m => m.IncidentId).ToListAsync(ct)).Select(id => (id, Parent)));
        if (incident.ServiceId is { } serviceId)
        {
            // Reported while this one was open (from an hour before): likely the same outage.
            var from = incident.CreatedAt.AddHours(-1);
            var to = incident.ResolvedAt ?? DateTime.MaxValue;
            links.AddRange((await db.Incidents.Where(i => i.Id != incidentId && i.ServiceId == serviceId && i.CreatedAt >= from && i.CreatedAt <= to)
                .Select(i => i.Id).ToListAsync(ct)).Select(id => (id, SameService)));
        }
        // The first (closest) relation names an incident found twice.
        var relation = links.Where(l => l.Id != incidentId).GroupBy(l => l.Id).ToDictionary(g => g.Key, g => g.First().Relation);
        var ids = relation.Keys.ToList();
        var rows = await db.Incidents.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Number, i.Title, i.ReporterId, Reporter = i.Reporter!.DisplayName }).ToListAsync(ct);
        var related = rows.OrderBy(r => r.Number)
            .Select(r => new RelatedIncident(r.Id, Incident.FormatReference(r.Number), r.Title, relation[r.Id], SystemAccounts.IsSystem(r.ReporterId) ? null : r.Reporter))
            .ToList();
        var reporter = SystemAccounts.IsSystem(incident.ReporterId) ? null
            : await db.Users.Where(u => u.Id == incident.ReporterId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        var affected = new[] { reporter }.Concat(related.Select(r => r.Reporter)).OfType<string>().Distinct().ToList();
        return new IncidentReach(related, affected);
    }
}
