using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;

namespace IncidentPortal.Features.Mentions;

/// <summary>
/// Tells the colleagues a work note mentions, in the note's own unit of work, with a link to the note on the timeline
/// (#note-{version}: the note's id is not known before it is saved; its version is, and one change adds one note).
/// </summary>
internal sealed class WorkNoteMentionHook(Notifier notifier, NotificationAnnouncer announcer) : IIncidentSaveHook
{
    public async Task BeforeSaveAsync(IncidentSaveContext context, CancellationToken ct)
    {
        var notes = context.Recorded.Where(a => a.Kind == ActivityKind.WorkNote && a.ActorId is not null && a.Text is not null).ToList();
        if (notes.Count == 0) return;
        var staff = await context.Lookups.GetAsync("mention-staff", null, () => MentionDirectory.StaffAsync(context.Db, ct));
        var incident = context.Incident;
        var author = staff.FirstOrDefault(p => p.UserId == context.ActorId)?.Name ?? "A colleague";
        var batches = new List<NotificationBatch>();
        foreach (var note in notes)
        {
            var mentioned = Mentions.Find(note.Text, staff).Where(p => p.UserId != context.ActorId).Select(p => p.UserId).ToList();
            if (mentioned.Count == 0) continue;
            var request = new NotificationRequest(NotificationKind.Mention, $"{author} mentioned you on {incident.Reference}: {incident.Title}",
                note.Text, $"/incidents/{incident.Id}#note-{note.IncidentVersion}", incident.Id);
            batches.Add(await notifier.AddAsync(context.Db, mentioned, request, ct));
        }
        if (batches.Count > 0) announcer.HoldUntilCommitted(context.Db, incident.Id, incident.Version, batches);
    }
}
