using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Tasks;

/// <summary>
/// Resolving an incident whose tasks are still open needs the caller's explicit say-so (the workspace asks the agent;
/// API callers pass the flag), and may cancel those tasks in the same unit of work.
/// </summary>
public static class OpenTaskCheck
{
    public const string CancelNote = "Cancelled when the incident was resolved";

    public static async Task BeforeResolveAsync(AppDbContext db, Incident incident, ChangeContext by, ResolveIncident resolve, CancellationToken ct)
    {
        var open = await db.IncidentTasks
            .Where(t => t.IncidentId == incident.Id && (t.Status == IncidentTaskStatus.Open || t.Status == IncidentTaskStatus.InProgress))
            .OrderBy(t => t.Id).ToListAsync(ct);
        if (open.Count == 0) return;
        if (!resolve.ConfirmOpenTasks) throw new OpenTasksException(open.Select(t => t.Title).ToList());
        if (!resolve.CancelOpenTasks) return;
        foreach (var task in open)
        {
            var from = task.Status;
            task.Cancel(by, CancelNote);
            incident.RecordEvent(by, TaskText.Topic, TaskText.StatusChanged(task.Title, from, IncidentTaskStatus.Cancelled, CancelNote));
        }
    }
}

/// <summary>The incident still has open tasks and the caller did not confirm resolving it anyway.</summary>
public sealed class OpenTasksException(IReadOnlyList<string> titles) : IncidentRuleException(Describe(titles))
{
    public IReadOnlyList<string> Titles { get; } = titles;

    public static string Describe(IReadOnlyList<string> titles) =>
        $"This incident has {Infrastructure.Text.Plural.Count(titles.Count, "open task")}: {string.Join(", ", titles.Select(t => $"\"{t}\""))}. " +
        "Finish or cancel them, or confirm resolving it anyway.";
}
