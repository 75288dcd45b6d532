using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.Reviews;

/// <summary>Reads reviews for pages, applying <see cref="ReviewAccess"/>: what a reader may not see is "not found".</summary>
public sealed class ReviewQueries(IDbContextFactory<AppDbContext> dbFactory, IOptionsMonitor<ReviewOptions> options)
{
    /// <summary>The incident's review, or null when it has none (staff) — a reporter gets not-found for both "none" and "not shared".</summary>
    public async Task<ReviewView?> ForIncidentAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId)
            .Select(i => new { i.Id, i.Number, i.Title, i.Status, i.Priority, i.ReporterId }).SingleOrDefaultAsync(ct)
            ?? throw new ReviewNotFoundException();
        var review = await db.IncidentReviews.AsNoTracking().Include(r => r.Reviewers).SingleOrDefaultAsync(r => r.IncidentId == incidentId, ct);
        if (review is null)
        {
            ReviewAccess.EnsureStaff(actor);
            return null;
        }
        if (!ReviewAccess.CanRead(actor, review.Status, review.SharedWithReporter, incident.ReporterId)) throw new ReviewNotFoundException();
        var sections = await db.ReviewSections.AsNoTracking().Where(s => s.ReviewId == review.Id).OrderBy(s => s.Position).ToListAsync(ct);
        var sectionIds = sections.Select(s => s.Id).ToList();
        var comments = actor.IsStaff
            ? await db.ReviewComments.AsNoTracking().Where(c => sectionIds.Contains(c.SectionId)).OrderBy(c => c.CreatedAt).ToListAsync(ct)
            : [];
        var names = await NamesAsync(db, [review.AuthorId, .. review.Reviewers.Select(r => r.UserId), .. sections.Select(s => s.UpdatedById),
            .. comments.Select(c => c.AuthorId)], ct);
        string? Name(string? id) => id is not null && names.TryGetValue(id, out var name) ? name : null;
        return new ReviewView(review.Id, incident.Id, Incident.FormatReference(incident.Number), incident.Title, incident.Status,
            incident.Priority, incident.ReporterId, review.Status, review.Version, review.SharedWithReporter, Name(review.AuthorId),
            review.CreatedAt, review.UpdatedAt, review.PublishedAt,
            actor.IsStaff ? review.Reviewers.Select(r => new PersonRef(r.UserId, Name(r.UserId) ?? "(removed)")).OrderBy(p => p.Name).ToList() : [],
            sections.Select(s => new SectionView(s.Id, s.Key, s.Title, s.Prompt, s.Position, s.Body, s.Version, Name(s.UpdatedById), s.UpdatedAt,
                comments.Where(c => c.SectionId == s.Id).Select(c => new CommentView(c.Id, Name(c.AuthorId) ?? "(removed)", c.Text, c.CreatedAt)).ToList()))
                .ToList());
    }

    /// <summary>For the workspace card: the review's state, and whether the incident's priority requires one.</summary>
    public async Task<ReviewState> StateAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        ReviewAccess.EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var priority = await db.Incidents.Where(i => i.Id == incidentId).Select(i => (Priority?)i.Priority).SingleOrDefaultAsync(ct);
        var review = await db.IncidentReviews.Where(r => r.IncidentId == incidentId)
            .Select(r => new { r.Id, r.Status }).SingleOrDefaultAsync(ct);
        return new ReviewState(incidentId, review?.Id, review?.Status, priority is { } p && options.CurrentValue.IsRequiredFor(p));
    }

    /// <summary>Whether the reporter may open the incident's review (published and shared with them).</summary>
    public async Task<bool> SharedWithAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.IncidentReviews.AnyAsync(r => r.IncidentId == incidentId && r.Status == ReviewStatus.Published && r.SharedWithReporter
            && db.Incidents.Any(i => i.Id == incidentId && i.ReporterId == actor.UserId), ct);
    }

    /// <summary>The incident's related incidents and the people who reported them, as the incident knows them now. Staff only.</summary>
    public async Task<IncidentReach> ReachAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        ReviewAccess.EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReviewIncidentLinks.LoadAsync(db, incidentId, ct);
    }

    /// <summary>Every saved version of a section, newest first. Staff only.</summary>
    public async Task<IReadOnlyList<RevisionView>> RevisionsAsync(Actor actor, int sectionId, CancellationToken ct = default)
    {
        ReviewAccess.EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var revisions = await db.ReviewSectionRevisions.AsNoTracking().Where(r => r.SectionId == sectionId)
            .OrderByDescending(r => r.Number).ToListAsync(ct);
        var names = await NamesAsync(db, revisions.Select(r => r.SavedById), ct);
        return revisions.Select(r => new RevisionView(r.Number, r.SavedById is { } id && names.TryGetValue(id, out var n) ? n : null, r.SavedAt, r.Body)).ToList();
    }

    /// <summary>Timeline entries drafted from the incident's current activity log, for the timeline editor's suggestions.</summary>
    public async Task<IReadOnlyList<DraftedEntry>> TimelineSuggestionsAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        ReviewAccess.EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return TimelineDraft.From(await ReviewFacts.LogAsync(db, incidentId, ct));
    }

    /// <summary>Staff who can be asked to review, for the reviewer picker.</summary>
    public async Task<IReadOnlyList<PersonRef>> ReviewerChoicesAsync(Actor actor, CancellationToken ct = default)
    {
        ReviewAccess.EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staffRoles = new[] { Roles.Agent, Roles.IncidentManager, Roles.Admin };
        var ids = db.UserRoles.Join(db.Roles.Where(r => staffRoles.Contains(r.Name!)), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);
        return await db.Users.AsNoTracking().People().Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new PersonRef(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>A person's display name, for "X saved this section" (null for the system or a removed user).</summary>
    public async Task<string?> PersonNameAsync(string? userId, CancellationToken ct = default)
    {
        if (userId is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
    }

    private static Task<Dictionary<string, string>> NamesAsync(AppDbContext db, IEnumerable<string?> userIds, CancellationToken ct)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        return db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
