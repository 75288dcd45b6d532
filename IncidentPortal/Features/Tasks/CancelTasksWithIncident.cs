using IncidentPortal.Features.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Tasks;

/// <summary>A cancelled incident needs no more work: its open tasks are cancelled in the same unit of work.</summary>
public sealed class CancelTasksWithIncident : IIncidentSaveHook
{
    public const string Note = "Cancelled with the incident";

    public async Task BeforeSaveAsync(IncidentSaveContext context, CancellationToken ct)
    {
        if (context.IsNew || context.Incident.Status != IncidentStatus.Cancelled) return;
        if (!context.Recorded.Any(a => a.Kind == ActivityKind.StatusChanged && a.NewValue == nameof(IncidentStatus.Cancelled))) return;
        var open = await context.Db.IncidentTasks
            .Where(t => t.IncidentId == context.Incident.Id && (t.Status == IncidentTaskStatus.Open || t.Status == IncidentTaskStatus.InProgress))
            .OrderBy(t => t.Id).ToListAsync(ct);
        var by = new ChangeContext(context.ActorId, context.Now, ActorIsAgent: context.ActorId is not null);
        foreach (var task in open)
        {
            var from = task.Status;
            task.Cancel(by, Note);
            context.Incident.RecordEvent(by, TaskText.Topic, TaskText.StatusChanged(task.Title, from, IncidentTaskStatus.Cancelled, Note));
        }
    }
}
