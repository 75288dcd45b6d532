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
/// <param name="Lookups">Shared by every incident of the unit of work (an alert batch opens many at once).</param>
public sealed record IncidentSaveContext(AppDbContext Db, Incident Incident, IReadOnlyList<IncidentActivity> Recorded,
    bool IsNew, DateTime Now, string? ActorId, SaveLookups Lookups);

/// <summary>
/// Settings a hook reads (an SLA policy, a team's escalation set-up, the webhook endpoints), read once per unit of work
/// instead of once per incident. Only for what the unit of work itself does not change.
/// </summary>
public sealed class SaveLookups
{
    private readonly Dictionary<(string Name, object? Key), object?> values = [];

    public async Task<T> GetAsync<T>(string name, object? key, Func<Task<T>> load)
    {
        if (values.TryGetValue((name, key), out var known)) return (T)known!;
        var value = await load();
        values[(name, key)] = value;
        return value;
    }
}
