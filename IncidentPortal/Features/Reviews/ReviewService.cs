using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Reviews;

/// <summary>
/// Starts reviews and moves them through Draft → In review → Published. Staff only (publishing: incident managers and
/// admins, see <see cref="ReviewAccess"/>). Every committed change publishes <see cref="ReviewChanged"/>.
/// </summary>
public sealed partial class ReviewService(IDbContextFactory<AppDbContext> dbFactory, IEventBus events, Notifier notifier,
    TimeProvider clock)
{
    /// <summary>Starts the incident's review from the template, with the timeline and impact drafted. Returns the existing one if it has one.</summary>
    public async Task<int> StartAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        ReviewAccess.EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ExistingAsync(db, incidentId, ct) is { } existing) return existing;
        var facts = await ReviewFacts.LoadAsync(db, incidentId, ct) ?? throw new IncidentNotFoundException();
        var template = await db.ReviewTemplateSections.AsNoTracking().ToListAsync(ct);
        if (template.Count == 0) template = ReviewTemplateSeeder.Defaults().ToList();
        var review = IncidentReview.Start(incidentId, ReviewDrafts.For(template, facts, Now), By(actor));
        db.IncidentReviews.Add(review);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people pressed "Start review" at once: the unique index kept one; both land on it.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return await ExistingAsync(fresh, incidentId, ct) ?? throw new ReviewRuleException("The review could not be started; try again.");
        }
        await PublishAsync(review, null, actor, $"{actor.Name} started the review");
        return review.Id;
    }

    public Task SubmitForReviewAsync(Actor actor, int reviewId, int expectedVersion, IReadOnlyCollection<string> reviewerIds,
        CancellationToken ct = default) =>
        ChangeAsync(actor, reviewId, expectedVersion, async (db, review, by) =>
        {
            ReviewAccess.EnsureStaff(actor);
            var staff = await StaffIdsAsync(db, reviewerIds, ct);
            if (staff.Count != reviewerIds.Distinct().Count()) throw new ReviewRuleException("Reviewers must be agents or incident managers.", "Reviewers");
            review.SubmitForReview(staff, by);
            var reference = await db.Incidents.Where(i => i.Id == review.IncidentId).Select(i => i.Number).SingleAsync(ct);
            var others = staff.Where(id => id != actor.UserId).ToList();
            var batch = await notifier.AddAsync(db, others, new NotificationRequest(NotificationKind.ActionItem,
                $"Review requested: {Incident.FormatReference(reference)}",
                $"{actor.Name} asks you to review the post-incident review of {Incident.FormatReference(reference)}.",
                ReviewLinks.Review(review.IncidentId), review.IncidentId), ct);
            return (batch, $"{actor.Name} sent the review for review");
        }, ct);

    public Task ReturnToDraftAsync(Actor actor, int reviewId, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(actor, reviewId, expectedVersion, (_, review, by) =>
        {
            review.ReturnToDraft(by);
            return Task.FromResult<(NotificationBatch?, string)>((null, $"{actor.Name} returned the review to draft"));
        }, ct);

    public Task PublishAsync(Actor actor, int reviewId, int expectedVersion, bool shareWithReporter, CancellationToken ct = default) =>
        ChangeAsync(actor, reviewId, expectedVersion, (_, review, by) =>
        {
            ReviewAccess.EnsureCanPublish(actor);
            review.Publish(shareWithReporter, by);
            return Task.FromResult<(NotificationBatch?, string)>((null, $"{actor.Name} published the review"));
        }, ct);

    public Task ShareWithReporterAsync(Actor actor, int reviewId, int expectedVersion, bool share, CancellationToken ct = default) =>
        ChangeAsync(actor, reviewId, expectedVersion, (_, review, by) =>
        {
            ReviewAccess.EnsureCanPublish(actor);
            review.ShareWithReporter(share, by);
            return Task.FromResult<(NotificationBatch?, string)>((null, share
                ? $"{actor.Name} shared the review with the reporter" : $"{actor.Name} stopped sharing the review with the reporter"));
        }, ct);

    private async Task ChangeAsync(Actor actor, int reviewId, int expectedVersion,
        Func<AppDbContext, IncidentReview, ChangeContext, Task<(NotificationBatch? Batch, string What)>> change, CancellationToken ct)
    {
        ReviewAccess.EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var review = await db.IncidentReviews.Include(r => r.Reviewers).SingleOrDefaultAsync(r => r.Id == reviewId, ct)
            ?? throw new ReviewNotFoundException();
        if (review.Version != expectedVersion) throw new ReviewConflictException();
        var (batch, what) = await change(db, review, By(actor));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ReviewConflictException();
        }
        await PublishAsync(review, null, actor, what);
        if (batch is not null) await notifier.AnnounceAsync(batch);
    }

    private Task PublishAsync(IncidentReview review, int? sectionId, Actor actor, string what) =>
        events.PublishAsync(new ReviewChanged(review.Id, review.IncidentId, sectionId, actor.UserId, actor.Name, what));

    private static Task<int?> ExistingAsync(AppDbContext db, int incidentId, CancellationToken ct) =>
        db.IncidentReviews.Where(r => r.IncidentId == incidentId).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);

    private static async Task<List<string>> StaffIdsAsync(AppDbContext db, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var staffRoles = new[] { Roles.Agent, Roles.IncidentManager, Roles.Admin };
        return await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles.Where(r => staffRoles.Contains(r.Name!)), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Distinct().ToListAsync(ct);
    }

    private ChangeContext By(Actor actor) => new(actor.UserId, Now, ActorIsAgent: true);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

/// <summary>Someone else moved the review along since it was shown.</summary>
public sealed class ReviewConflictException() : Exception("Someone else changed this review meanwhile. It has been reloaded; try again.");

public static class ReviewLinks
{
    public static string Review(int incidentId) => $"/incidents/{incidentId}/review";
    public static string Print(int incidentId) => $"/incidents/{incidentId}/review/print";
    public static string Markdown(int incidentId) => $"/incidents/{incidentId}/review.md";
}
