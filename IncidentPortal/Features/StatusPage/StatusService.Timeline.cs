using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;

namespace IncidentPortal.Features.StatusPage;

public sealed partial class StatusService
{
    /// <summary>
    /// Every public update is written on its incident's timeline in the publication's unit of work: phase, title, each
    /// component with the status given, the message; the entry names who published and when. It is mirrored (no new
    /// incident version), so publishing never makes an open editor of the incident stale.
    /// </summary>
    private static async Task RecordOnTimelineAsync(AppDbContext db, int incidentId, PublicIncident published, PublishRequest request,
        StatusBoard board, Actor actor, DateTime now, CancellationToken ct)
    {
        var incident = await db.Incidents.FindAsync([incidentId], ct);
        if (incident is null) return;
        var components = request.Components
            .Select(c => (Name: board.Components.FirstOrDefault(x => x.Id == c.Key)?.Name, Status: c.Value))
            .Where(c => c.Name is not null).OrderBy(c => c.Name, StringComparer.CurrentCulture)
            .Select(c => $"{c.Name}: {StatusText.Label(c.Status)}").ToList();
        var text = $"Published on the status page ({StatusTemplates.Label(request.Phase)}): “{published.Title}”."
            + (components.Count > 0 ? $" Components: {string.Join(", ", components)}." : "")
            + $" Message: {request.Message.Trim()}";
        if (text.Length > Incident.MaxTextLength) text = text[..(Incident.MaxTextLength - 1)] + "…";
        incident.Mirror(new ChangeContext(actor.UserId, now, ActorIsAgent: true), StatusLifecycleHook.TimelineTopic, text);
    }
}
