using IncidentPortal.Features.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Sla;

/// <summary>
/// Keeps the stored clocks in step with every incident change, in the change's own unit of work: the clocks are
/// recomputed from the whole status history (not adjusted), so they cannot drift. A priority or service change
/// (which may switch the policy) is explained on the timeline.
/// </summary>
public sealed class SlaClockHook : IIncidentSaveHook
{
    public async Task BeforeSaveAsync(IncidentSaveContext context, CancellationToken ct)
    {
        var (db, incident) = (context.Db, context.Incident);
        var policy = await context.Lookups.GetAsync("sla-policy", incident.ServiceId, () => SlaPolicies.ForServiceAsync(db, incident.ServiceId, ct));
        if (policy is null) return;     // no SLA configured yet
        var history = context.IsNew
            ? incident.Activities
            : (await db.IncidentActivities.AsNoTracking()
                .Where(a => a.IncidentId == incident.Id && a.Kind == ActivityKind.StatusChanged).ToListAsync(ct))
              .Concat(context.Recorded);
        var facts = SlaFacts.From(incident, history);
        // A new incident has no stored clocks yet (an alert batch opens many at once: no query for each).
        var clocks = context.IsNew ? [] : await SlaClockWriter.ClocksAsync(db, incident.Id, ct);
        SlaClockWriter.Write(incident, clocks, c => db.SlaClocks.Add(c).Entity, facts, policy, context.Now, Explain(context.Recorded));
    }

    private static string? Explain(IReadOnlyList<IncidentActivity> recorded)
    {
        var reasons = recorded.Where(a => a.Field is "Priority" or "Service" && a.Kind == ActivityKind.FieldChanged)
            .Select(a => $"{a.Field!.ToLowerInvariant()} {a.OldValue ?? "(none)"} → {a.NewValue ?? "(none)"}").ToList();
        return reasons.Count == 0 ? null : string.Join(", ", reasons);
    }
}
