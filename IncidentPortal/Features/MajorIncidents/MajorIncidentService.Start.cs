using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>A major incident started from scratch: the incident to log, how it is declared, and reports to link to it.</summary>
public sealed record MajorIncidentStart(IncidentDraft Draft, Severity Severity, string CommanderId, string? Reason,
    IReadOnlyCollection<int> Link);

public sealed record MajorIncidentStarted(int MajorIncidentId, int IncidentId);

public sealed partial class MajorIncidentService
{
    /// <summary>
    /// Logs the incident (the manager as its reporter), declares it and links the given reports as its children, all in
    /// the incident's transaction: a refused commander, severity or link leaves no incident behind.
    /// </summary>
    public async Task<MajorIncidentStarted> StartAsync(Actor actor, MajorIncidentStart start, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        EnsureManager(actor);
        MajorIncident? major = null;
        var incident = await incidents.ReportAsync(actor, start.Draft with { Source = IncidentSource.Agent }, actor.UserId,
            async (db, created, by, token) =>
            {
                var declaredBy = By(actor, by.At);
                major = MajorIncident.Declare(created.Id, declaredBy, start.Severity, await PersonAsync(db, start.CommanderId, by.At, token),
                    start.Reason);
                db.MajorIncidents.Add(major);
                if (start.Link.Count > 0) await LinkNewChildrenAsync(db, major, declaredBy, start.Link, token);
            }, ct);
        await events.PublishAsync(new MajorIncidentChanged(major!.Id, incident.Id));
        return new MajorIncidentStarted(major.Id, incident.Id);
    }

    /// <summary>The children of a major incident being declared: existing incidents that no other major incident has.</summary>
    private static async Task LinkNewChildrenAsync(AppDbContext db, MajorIncident major, ResponseActor by, IReadOnlyCollection<int> incidentIds,
        CancellationToken ct)
    {
        var ids = incidentIds.Distinct().ToList();
        var found = await db.Incidents.Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Number }).ToListAsync(ct);
        if (found.Count != ids.Count) throw new IncidentNotFoundException();
        var taken = await db.Set<LinkedIncident>().Where(l => ids.Contains(l.IncidentId)).Select(l => l.IncidentId).ToListAsync(ct);
        if (taken.Count > 0)
        {
            var references = found.Where(i => taken.Contains(i.Id)).OrderBy(i => i.Number).Select(i => Incident.FormatReference(i.Number));
            throw new MajorIncidentRuleException($"Already part of another major incident: {string.Join(", ", references)}.");
        }
        foreach (var child in found.OrderBy(i => i.Number)) major.Link(by, child.Id, Incident.FormatReference(child.Number));
    }
}
