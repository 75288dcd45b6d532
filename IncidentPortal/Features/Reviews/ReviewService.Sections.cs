using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Reviews;

public sealed partial class ReviewService
{
    /// <summary>
    /// Saves one section's text, edited from <paramref name="baseVersion"/>. Refused with <see cref="SectionConflictException"/>
    /// (carrying the other person's text) when someone saved this section since; saves to other sections never conflict.
    /// </summary>
    public async Task<SectionSaved> SaveSectionAsync(Actor actor, int sectionId, int baseVersion, string body, CancellationToken ct = default)
    {
        ReviewAccess.EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (review, section) = await LoadSectionAsync(db, sectionId, ct);
        review.EnsureEditable();
        var changed = section.Save(body, baseVersion, By(actor));
        if (!changed) return new SectionSaved(section.Id, section.Version, section.UpdatedAt, false);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save of this section committed between our read and our write: report it as the conflict it is.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            var current = await fresh.ReviewSections.AsNoTracking().SingleAsync(s => s.Id == sectionId, ct);
            throw new SectionConflictException(current.Id, current.Title, current.Version, current.Body, current.UpdatedById);
        }
        await PublishAsync(review, section.Id, actor, $"{actor.Name} saved {section.Title}");
        return new SectionSaved(section.Id, section.Version, section.UpdatedAt, true);
    }

    /// <summary>A reviewer's comment on a section; allowed until the review is published.</summary>
    public async Task AddCommentAsync(Actor actor, int sectionId, string text, CancellationToken ct = default)
    {
        ReviewAccess.EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (review, section) = await LoadSectionAsync(db, sectionId, ct);
        review.EnsureEditable();
        var comment = ReviewComment.On(section, text, By(actor));
        db.ReviewComments.Add(comment);
        await db.SaveChangesAsync(ct);
        await Mentions.ReviewMentions.NotifyAsync(db, notifier, actor, review.IncidentId, section.Title, comment, ct);
        await PublishAsync(review, section.Id, actor, $"{actor.Name} commented on {section.Title}");
    }

    private static async Task<(IncidentReview Review, ReviewSection Section)> LoadSectionAsync(AppDbContext db, int sectionId, CancellationToken ct)
    {
        var section = await db.ReviewSections.SingleOrDefaultAsync(s => s.Id == sectionId, ct) ?? throw new ReviewNotFoundException();
        var review = await db.IncidentReviews.SingleAsync(r => r.Id == section.ReviewId, ct);
        return (review, section);
    }
}
