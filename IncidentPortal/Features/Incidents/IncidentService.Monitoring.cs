using IncidentPortal.Infrastructure.Data;

namespace IncidentPortal.Features.Incidents;

/// <summary>An incident the system logs for monitoring: routed to <paramref name="Team"/> at <paramref name="Priority"/>.</summary>
public sealed record SystemReport(IncidentDraft Draft, string ReporterId, Named<int> Team, Priority Priority, string PriorityReason);

public sealed partial class IncidentService
{
    /// <summary>
    /// Logs incidents as the system (monitoring) inside the caller's unit of work: <paramref name="db"/> must have a
    /// transaction open (this saves within it, numbers taken in one step); the caller commits, then calls
    /// <see cref="PublishCreatedAsync"/>. Each priority is reached through the matrix where a cell gives it, else set as
    /// an override with its reason.
    /// </summary>
    public async Task<List<Incident>> ReportAsSystemAsync(AppDbContext db, IReadOnlyList<SystemReport> reports, CancellationToken ct)
    {
        if (reports.Count == 0) return [];
        var matrix = await matrices.CurrentAsync(ct);
        var by = new ChangeContext(null, Now, ActorIsAgent: false);
        var first = await IncidentNumbers.ReserveAsync(db, reports.Count, ct);
        var created = new List<Incident>(reports.Count);
        foreach (var (report, index) in reports.Select((r, i) => (r, i)))
        {
            var cell = matrix.Cells.Where(c => c.Priority == report.Priority)
                .OrderBy(c => Math.Abs((int)c.Impact - (int)c.Urgency)).ThenBy(c => c.Impact).FirstOrDefault();
            var incident = Incident.Report(first + index, report.Draft with
            {
                Impact = cell?.Impact ?? Impact.Medium,
                Urgency = cell?.Urgency ?? Urgency.Medium,
                Source = IncidentSource.Monitoring,
            }, report.ReporterId, by, matrix, report.Team);
            if (incident.Priority != report.Priority) incident.OverridePriority(by, report.Priority, report.PriorityReason);
            created.Add(incident);
        }
        db.Incidents.AddRange(created);
        // As in ReportAsync: hooks need the ids, so save now; the caller's transaction still makes it all-or-nothing.
        await db.SaveChangesAsync(ct);
        if (hooks.Length > 0)
        {
            var lookups = new SaveLookups();
            foreach (var incident in created) await RunSaveHooksAsync(db, incident, incident.Activities.ToList(), isNew: true, by, ct, lookups);
        }
        return created;
    }

    /// <summary>Announces an incident from <see cref="ReportAsSystemAsync"/> once it is committed.</summary>
    public Task PublishCreatedAsync(Incident incident) => events.PublishAsync(new IncidentCreated(incident.Id, incident.Number,
        incident.Version, null, SystemName, incident.ReporterId, incident.AssignmentGroupId, incident.AssigneeId, incident.Status));
}
