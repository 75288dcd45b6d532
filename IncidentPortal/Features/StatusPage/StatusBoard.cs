using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.StatusPage;

/// <summary>
/// Everything that decides component statuses, loaded (tracked) into one unit of work: components, open public
/// incidents with their impacts, maintenance not yet over, and the open status periods. Changes are made to these
/// objects, then <see cref="Recompute"/> works the statuses out from memory, so it sees the unsaved change too
/// (the incident save hook runs before SaveChanges, where a query would still read the old rows).
/// </summary>
public sealed class StatusBoard
{
    private readonly AppDbContext db;
    private readonly List<PublicIncident> incidents;
    private readonly List<ScheduledMaintenance> maintenance;
    private readonly List<ComponentStatusPeriod> openPeriods;

    private StatusBoard(AppDbContext db, List<StatusComponent> components, List<PublicIncident> incidents,
        List<ScheduledMaintenance> maintenance, List<ComponentStatusPeriod> openPeriods)
    {
        (this.db, Components, this.incidents, this.maintenance, this.openPeriods) = (db, components, incidents, maintenance, openPeriods);
    }

    public IReadOnlyList<StatusComponent> Components { get; }

    public static async Task<StatusBoard> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var components = await db.StatusComponents.OrderBy(c => c.Id).ToListAsync(ct);
        var incidents = await db.PublicIncidents.Include(p => p.Impacts).Where(p => p.Phase != IncidentPhase.Resolved).ToListAsync(ct);
        var maintenance = await db.ScheduledMaintenances.Include(m => m.Components)
            .Where(m => m.State == MaintenanceState.Scheduled || m.State == MaintenanceState.InProgress).ToListAsync(ct);
        var periods = await db.ComponentStatusPeriods.Where(p => p.EndedAt == null).ToListAsync(ct);
        return new StatusBoard(db, components, incidents, maintenance, periods);
    }

    public IReadOnlyList<ScheduledMaintenance> Maintenance => maintenance;

    /// <summary>The board's public incident for <paramref name="incidentId"/>, loading a resolved one if need be.</summary>
    public async Task<PublicIncident?> FindIncidentAsync(int incidentId, CancellationToken ct)
    {
        var open = incidents.FirstOrDefault(p => p.IncidentId == incidentId);
        if (open is not null) return open;
        var stored = await db.PublicIncidents.Include(p => p.Impacts).Include(p => p.Updates)
            .SingleOrDefaultAsync(p => p.IncidentId == incidentId, ct);
        if (stored is not null) incidents.Add(stored);
        return stored;
    }

    public void Add(PublicIncident incident)
    {
        db.PublicIncidents.Add(incident);
        incidents.Add(incident);
    }

    public void Add(ScheduledMaintenance scheduled)
    {
        db.ScheduledMaintenances.Add(scheduled);
        maintenance.Add(scheduled);
    }

    public void Track(ScheduledMaintenance scheduled)
    {
        if (!maintenance.Contains(scheduled)) maintenance.Add(scheduled);
    }

    /// <summary>What affects <paramref name="componentId"/> now: status and its cause, worst first.</summary>
    public IEnumerable<(ComponentStatus Status, string Cause)> CausesFor(int componentId) =>
        incidents.Where(p => p.IsOpen).SelectMany(p => p.Impacts.Where(i => i.ComponentId == componentId).Select(i => (i.Status, p.Title)))
            .Concat(maintenance.Where(m => m.State == MaintenanceState.InProgress && m.Components.Any(c => c.ComponentId == componentId))
                .Select(m => (ComponentStatus.UnderMaintenance, m.Title)))
            .OrderByDescending(c => c.Item1);

    /// <summary>Applies the derived statuses; every change closes the component's open period and opens a new one.</summary>
    public List<StatusComponent> Recompute(DateTime now)
    {
        var changed = new List<StatusComponent>();
        foreach (var component in Components)
        {
            var causes = CausesFor(component.Id).ToList();
            var derived = causes.Count == 0 ? ComponentStatus.Operational : causes[0].Status;
            if (!component.Apply(derived, now)) continue;
            var cause = component.OverrideStatus is not null ? component.OverrideReason
                : causes.Count > 0 ? causes[0].Cause : null;
            BeginPeriod(component.Id, component.Status, now, cause);
            changed.Add(component);
        }
        return changed;
    }

    public void BeginPeriod(int componentId, ComponentStatus status, DateTime now, string? cause)
    {
        foreach (var open in openPeriods.Where(p => p.ComponentId == componentId)) open.End(now);
        openPeriods.RemoveAll(p => p.ComponentId == componentId);
        var period = ComponentStatusPeriod.Begin(componentId, status, now, cause);
        db.ComponentStatusPeriods.Add(period);
        openPeriods.Add(period);
    }
}
