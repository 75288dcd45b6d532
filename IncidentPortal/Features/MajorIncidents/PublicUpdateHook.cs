using IncidentPortal.Features.StatusPage;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>
/// An update published on the status page for a running major incident is that response's public communication: it is
/// written in the war-room log (restarting the update clock) in the same unit of work as the publication, so the two
/// never disagree. <see cref="ChildUpdateForwarder"/> then passes it on to the children's reporters.
/// </summary>
internal sealed class PublicUpdateHook : IStatusNoticeHook
{
    public async Task BeforeSaveAsync(AppDbContext db, StatusNotice notice, CancellationToken ct)
    {
        if (notice is not { Kind: StatusNoticeKind.IncidentUpdate, PublicIncidentId: { } publicId }) return;
        var published = db.ChangeTracker.Entries<PublicIncident>().Select(e => e.Entity).FirstOrDefault(p => p.Id == publicId);
        if (published is null) return;
        var major = await db.MajorIncidents.Include(m => m.Log)
            .SingleOrDefaultAsync(m => m.IncidentId == published.IncidentId
                && (m.State == MajorIncidentState.Declared || m.State == MajorIncidentState.Mitigated), ct);
        if (major is null) return;
        // Publishing always names its manager; the log entry is theirs.
        if (published.Updates.OrderBy(u => u.PublishedAt).LastOrDefault()?.PublishedById is not { } authorId) return;
        var author = await db.Users.Where(u => u.Id == authorId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "Status page";
        var logCount = major.Log.Count;
        var text = $"Status page update ({(notice.Phase is { } phase ? StatusTemplates.Label(phase) : "Update")}): {notice.Message}";
        if (text.Length > MajorIncident.MaxLogLength) text = text[..(MajorIncident.MaxLogLength - 1)] + "…";
        major.RecordCommunication(new ResponseActor(authorId, author, notice.At), text, isPublic: true);
        await MajorIncidentTimeline.MirrorAsync(db, major, logCount, null, ct);
    }
}
