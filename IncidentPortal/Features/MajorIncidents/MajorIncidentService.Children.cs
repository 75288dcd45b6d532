using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.MajorIncidents;

public sealed partial class MajorIncidentService
{
    /// <summary>
    /// Links incidents as children, all or none: an incident that does not exist, is the parent, or is already the
    /// child of another major incident refuses the whole request with its reference.
    /// </summary>
    public Task LinkAsync(Actor actor, int majorId, IReadOnlyCollection<int> incidentIds, CancellationToken ct = default) =>
        ChangeAsync(actor, majorId, null, async (db, major, now) =>
        {
            if (incidentIds.Count == 0) throw new MajorIncidentRuleException("Choose the incidents to link.");
            var found = await db.Incidents.Where(i => incidentIds.Contains(i.Id)).Select(i => new { i.Id, i.Number }).ToListAsync(ct);
            if (found.Count != incidentIds.Distinct().Count()) throw new IncidentNotFoundException();
            var elsewhere = await db.Set<LinkedIncident>()
                .Where(l => incidentIds.Contains(l.IncidentId) && l.MajorIncidentId != majorId).Select(l => l.IncidentId).ToListAsync(ct);
            if (elsewhere.Count > 0)
            {
                var taken = found.Where(i => elsewhere.Contains(i.Id)).Select(i => Incident.FormatReference(i.Number));
                throw new MajorIncidentRuleException($"Already part of another major incident: {string.Join(", ", taken)}.");
            }
            foreach (var incident in found.OrderBy(i => i.Number))
            {
                major.Link(By(actor, now), incident.Id, Incident.FormatReference(incident.Number));
            }
        }, manager: false, ct);

    public Task UnlinkAsync(Actor actor, int majorId, int incidentId, CancellationToken ct = default) =>
        ChangeAsync(actor, majorId, null, async (db, major, now) =>
        {
            var number = await db.Incidents.Where(i => i.Id == incidentId).Select(i => (int?)i.Number).SingleOrDefaultAsync(ct)
                ?? throw new IncidentNotFoundException();
            major.Unlink(By(actor, now), incidentId, Incident.FormatReference(number));
        }, manager: false, ct);

    public Task FollowParentResolutionAsync(Actor actor, int majorId, int incidentId, bool follows, CancellationToken ct = default) =>
        ChangeAsync(actor, majorId, null, async (db, major, now) =>
        {
            var number = await db.Incidents.Where(i => i.Id == incidentId).Select(i => (int?)i.Number).SingleOrDefaultAsync(ct)
                ?? throw new IncidentNotFoundException();
            major.FollowParentResolution(By(actor, now), incidentId, Incident.FormatReference(number), follows);
        }, manager: false, ct);
}
