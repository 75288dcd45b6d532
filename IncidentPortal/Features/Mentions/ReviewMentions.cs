using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Reviews;
using IncidentPortal.Infrastructure.Data;

namespace IncidentPortal.Features.Mentions;

/// <summary>Tells the colleagues a review comment mentions, with a link to that very comment.</summary>
public static class ReviewMentions
{
    /// <summary>Call once the comment is saved (its id is the link's anchor).</summary>
    public static async Task NotifyAsync(AppDbContext db, Notifier notifier, Actor author, int incidentId, string sectionTitle,
        ReviewComment comment, CancellationToken ct)
    {
        var mentioned = Mentions.Find(comment.Text, await MentionDirectory.StaffAsync(db, ct)).Where(p => p.UserId != author.UserId).ToList();
        if (mentioned.Count == 0) return;
        var request = new NotificationRequest(NotificationKind.Mention,
            $"{author.Name} mentioned you in the review of {Incident.FormatReference(await NumberAsync(db, incidentId, ct))} ({sectionTitle})",
            comment.Text, $"/incidents/{incidentId}/review#comment-{comment.Id}", incidentId);
        var batch = await notifier.AddAsync(db, [.. mentioned.Select(p => p.UserId)], request, ct);
        await db.SaveChangesAsync(ct);
        await notifier.AnnounceAsync(batch);
    }

    private static async Task<int> NumberAsync(AppDbContext db, int incidentId, CancellationToken ct) =>
        (await db.Incidents.FindAsync([incidentId], ct))?.Number ?? incidentId;
}
