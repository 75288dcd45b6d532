using IncidentPortal.Infrastructure.Data;

namespace IncidentPortal.Features.Incidents;

public sealed partial class IncidentService
{
    /// <summary>
    /// Logs an incident as the system (monitoring) inside the caller's unit of work: <paramref name="db"/> must have a
    /// transaction open (this saves within it); the caller saves the rest and commits, then calls <see cref="PublishCreatedAsync"/>. The priority is
    /// reached through the matrix where a cell gives it, else set as an override with <paramref name="reason"/>.
    /// </summary>
    public async Task<Incident> ReportAsSystemAsync(AppDbContext db, IncidentDraft draft, string reporterId, Named<int> team,
        Priority priority, string reason, CancellationToken ct)
    {
        var matrix = await matrices.CurrentAsync(ct);
        var cell = matrix.Cells.Where(c => c.Priority == priority)
            .OrderBy(c => Math.Abs((int)c.Impact - (int)c.Urgency)).ThenBy(c => c.Impact).FirstOrDefault();
        var by = new ChangeContext(null, Now, ActorIsAgent: false);
        var number = await IncidentNumbers.NextAsync(db, ct);
        var incident = Incident.Report(number, draft with
        {
            Impact = cell?.Impact ?? Impact.Medium,
            Urgency = cell?.Urgency ?? Urgency.Medium,
            Source = IncidentSource.Monitoring,
        }, reporterId, by, matrix, team);
        if (incident.Priority != priority) incident.OverridePriority(by, priority, reason);
        db.Incidents.Add(incident);
        // As in ReportAsync: hooks need the id, so save now; the caller's transaction still makes it all-or-nothing.
        await db.SaveChangesAsync(ct);
        await RunSaveHooksAsync(db, incident, incident.Activities.ToList(), isNew: true, by, ct);
        return incident;
    }

    /// <summary>Announces an incident from <see cref="ReportAsSystemAsync"/> once it is committed.</summary>
    public Task PublishCreatedAsync(Incident incident) => events.PublishAsync(new IncidentCreated(incident.Id, incident.Number,
        incident.Version, null, SystemName, incident.ReporterId, incident.AssignmentGroupId, incident.AssigneeId, incident.Status));
}
