using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>A running major incident an incident can be linked to.</summary>
public sealed record MajorIncidentChoice(int Id, int IncidentId, int Number, string Title, Severity? Severity, MajorIncidentState State,
    int? ServiceId, string? ServiceName, int Children)
{
    public string Reference => Incident.FormatReference(Number);
    public string SeverityLabel => Severity is { } s ? MajorIncidentText.Label(s) : "—";
}

/// <summary>The major incident an incident is a child of.</summary>
public sealed record ParentLink(int MajorId, int IncidentId, int Number, string Title, Severity? Severity, MajorIncidentState State,
    bool FollowsResolution)
{
    public string Reference => Incident.FormatReference(Number);
}

public sealed partial class MajorIncidentService
{
    /// <summary>The running (declared or mitigated) major incidents, most severe and newest first. Staff only.</summary>
    public async Task<IReadOnlyList<MajorIncidentChoice>> ListActiveAsync(Actor actor, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.MajorIncidents.AsNoTracking()
            .Where(m => m.State == MajorIncidentState.Declared || m.State == MajorIncidentState.Mitigated)
            .Join(db.Incidents, m => m.IncidentId, i => i.Id, (m, i) => new { m, i })
            .Select(x => new MajorIncidentChoice(x.m.Id, x.i.Id, x.i.Number, x.i.Title, x.m.Severity, x.m.State,
                x.i.ServiceId, x.i.Service!.Name, x.m.Children.Count))
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Severity ?? Severity.Sev3).ThenByDescending(r => r.Number)];
    }

    /// <summary>The major incident <paramref name="incidentId"/> is linked to as a child, if any. Staff only.</summary>
    public async Task<ParentLink?> ParentOfAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<LinkedIncident>().AsNoTracking().Where(l => l.IncidentId == incidentId)
            .Join(db.MajorIncidents, l => l.MajorIncidentId, m => m.Id, (l, m) => new { l, m })
            .Join(db.Incidents, x => x.m.IncidentId, i => i.Id, (x, i) => new ParentLink(x.m.Id, i.Id, i.Number, i.Title, x.m.Severity,
                x.m.State, x.l.FollowsResolution))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The major incident this incident itself is (proposed, running or done), if any: it cannot be a child then.</summary>
    public async Task<int?> MajorIdOfAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.MajorIncidents.Where(m => m.IncidentId == incidentId && m.State != MajorIncidentState.Rejected)
            .Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// A running major incident on the same service as <paramref name="incidentId"/>, when the incident is open and
    /// neither linked nor a major incident itself: what the agent banner proposes to link it to.
    /// </summary>
    public async Task<MajorIncidentChoice?> LikelyParentAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId)
            .Select(i => new
            {
                i.ServiceId, i.Status, Linked = db.Set<LinkedIncident>().Any(l => l.IncidentId == i.Id),
                Major = db.MajorIncidents.Any(m => m.IncidentId == i.Id && m.State != MajorIncidentState.Rejected)
            })
            .SingleOrDefaultAsync(ct);
        if (incident is not { ServiceId: { } serviceId, Linked: false, Major: false } || !IncidentLifecycle.IsOpen(incident.Status)) return null;
        return (await ListActiveAsync(actor, ct)).FirstOrDefault(m => m.ServiceId == serviceId);
    }
}
