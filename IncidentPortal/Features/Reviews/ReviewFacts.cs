using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Reviews;

/// <summary>Reads what drafting needs from the database: the incident, its service, its reach (ReviewIncidentLinks) and its activity log.</summary>
internal static class ReviewFacts
{
    public static async Task<IncidentFacts?> LoadAsync(AppDbContext db, int incidentId, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId)
            .Select(i => new
            {
                i.Number, i.Title, i.Description, i.Priority, i.ServiceId, Service = i.Service!.Name, i.CreatedAt,
                i.ResolvedAt, i.ResolutionNotes
            })
            .SingleOrDefaultAsync(ct);
        if (incident is null) return null;
        return new IncidentFacts(Incident.FormatReference(incident.Number), incident.Title, incident.Description, incident.Priority,
            incident.ServiceId is null ? null : incident.Service, incident.CreatedAt, incident.ResolvedAt, incident.ResolutionNotes,
            await ReviewIncidentLinks.LoadAsync(db, incidentId, ct), await LogAsync(db, incidentId, ct));
    }

    public static async Task<IReadOnlyList<ActivityLogEntry>> LogAsync(AppDbContext db, int incidentId, CancellationToken ct)
    {
        // The war room's lines are mirrored on the timeline; they are read from the log itself, which knows what was pinned.
        var rows = await db.IncidentActivities.AsNoTracking()
            .Where(a => a.IncidentId == incidentId && (a.Field == null || a.Field != MajorIncidentTimeline.Topic)).OrderBy(a => a.Id)
            .Select(a => new
            {
                a.At, a.Kind, a.Field, a.OldValue, a.NewValue, a.Text, a.IsPublic,
                Actor = db.Users.Where(u => u.Id == a.ActorId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var activities = rows.Select(r => new ActivityLogEntry(r.At, r.Kind, r.Field, r.OldValue, r.NewValue, r.Text, r.Actor ?? "System", r.IsPublic));
        var response = await db.Set<ResponseLogEntry>().AsNoTracking()
            .Where(e => db.MajorIncidents.Any(m => m.Id == EF.Property<int>(e, "MajorIncidentId") && m.IncidentId == incidentId))
            .OrderBy(e => e.Id).ToListAsync(ct);
        var lines = response.Select(e => new ActivityLogEntry(e.At, ActivityKind.Event, MajorIncidentTimeline.Topic, null, null,
            MajorIncidentTimeline.Line(e), e.ActorName, false, new ResponseMark(e.Kind, e.Pinned)));
        return activities.Concat(lines).OrderBy(a => a.At).ToList();
    }
}
