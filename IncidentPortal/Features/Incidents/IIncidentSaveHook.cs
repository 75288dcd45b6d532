using IncidentPortal.Infrastructure.Data;

namespace IncidentPortal.Features.Incidents;

/// <summary>
/// Work that must commit atomically with an incident change: SLA clocks, notifications, webhook deliveries.
/// <see cref="IncidentService"/> calls every registered hook inside the change's unit of work, just before saving,
/// so what a hook adds to <see cref="IncidentSaveContext.Db"/> is written with the change or not at all.
/// </summary>
public interface IIncidentSaveHook
{
    Task BeforeSaveAsync(IncidentSaveContext context, CancellationToken ct);
}

/// <param name="Recorded">The timeline entries this change adds (all of them for a new incident).</param>
/// <param name="ActorId">Null when the system made the change.</param>
public sealed record IncidentSaveContext(AppDbContext Db, Incident Incident, IReadOnlyList<IncidentActivity> Recorded,
    bool IsNew, DateTime Now, string? ActorId);
