using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Reviews;

public enum ReviewStatus { Draft, InReview, Published }

/// <summary>
/// A post-incident review: what happened, why, and what will stop it happening again. One per incident. Its text lives
/// in <see cref="ReviewSection"/>s, each saved and versioned on its own so two people editing different sections never
/// collide. Draft → In review (reviewers assigned) → Published, after which the text is read-only.
/// </summary>
public class IncidentReview
{
    public int Id { get; private set; }
    public int IncidentId { get; private set; }
    public ReviewStatus Status { get; private set; }
    public string? AuthorId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    /// <summary>Whether the incident's reporter may read the published review (staff always may).</summary>
    public bool SharedWithReporter { get; private set; }
    /// <summary>Bumped by workflow changes (not by section saves, which have their own versions).</summary>
    public int Version { get; private set; }

    public List<ReviewSection> Sections { get; } = [];
    public List<ReviewReviewer> Reviewers { get; } = [];

    public bool IsReadOnly => Status == ReviewStatus.Published;

    private IncidentReview() { }

    /// <param name="sections">The template's sections with the text drafted for them, in order.</param>
    public static IncidentReview Start(int incidentId, IEnumerable<SectionDraft> sections, ChangeContext by)
    {
        var review = new IncidentReview
        {
            IncidentId = incidentId, Status = ReviewStatus.Draft, AuthorId = by.ActorId,
            CreatedAt = by.At, UpdatedAt = by.At, Version = 1,
        };
        var position = 0;
        foreach (var draft in sections) review.Sections.Add(ReviewSection.Create(draft, position++, by));
        if (review.Sections.Count == 0) throw new ReviewRuleException("The review template has no sections.");
        return review;
    }

    /// <summary>Draft → In review: the named reviewers are asked to read and comment.</summary>
    public void SubmitForReview(IReadOnlyCollection<string> reviewerIds, ChangeContext by)
    {
        if (Status != ReviewStatus.Draft) throw new ReviewRuleException("Only a draft can be sent for review.");
        var ids = reviewerIds.Where(id => !string.IsNullOrEmpty(id)).Distinct().ToList();
        if (ids.Count == 0) throw new ReviewRuleException("Choose at least one reviewer.", "Reviewers");
        Reviewers.RemoveAll(r => !ids.Contains(r.UserId));
        foreach (var id in ids.Where(id => Reviewers.All(r => r.UserId != id))) Reviewers.Add(new ReviewReviewer(id));
        Status = ReviewStatus.InReview;
        Touch(by);
    }

    /// <summary>In review → Draft, when the reviewers ask for more work.</summary>
    public void ReturnToDraft(ChangeContext by)
    {
        if (Status != ReviewStatus.InReview) throw new ReviewRuleException("Only a review in review can go back to draft.");
        Status = ReviewStatus.Draft;
        Touch(by);
    }

    /// <summary>In review → Published: the text becomes read-only (action items stay workable).</summary>
    public void Publish(bool shareWithReporter, ChangeContext by)
    {
        if (Status != ReviewStatus.InReview) throw new ReviewRuleException("Send the review for review before publishing it.");
        Status = ReviewStatus.Published;
        PublishedAt = by.At;
        SharedWithReporter = shareWithReporter;
        Touch(by);
    }

    public void ShareWithReporter(bool share, ChangeContext by)
    {
        if (Status != ReviewStatus.Published) throw new ReviewRuleException("Only a published review can be shared.");
        SharedWithReporter = share;
        Touch(by);
    }

    public ReviewSection Section(int sectionId) =>
        Sections.SingleOrDefault(s => s.Id == sectionId) ?? throw new ReviewNotFoundException();

    internal void EnsureEditable()
    {
        if (IsReadOnly) throw new ReviewRuleException("The review is published and read-only.");
    }

    internal void Touch(ChangeContext by)
    {
        UpdatedAt = by.At;
        Version++;
    }

    public static string Label(ReviewStatus status) => status == ReviewStatus.InReview ? "In review" : status.ToString();
}

/// <summary>Someone asked to read and comment on a review.</summary>
public class ReviewReviewer
{
    public int ReviewId { get; private set; }
    public string UserId { get; private set; } = "";

    private ReviewReviewer() { }

    internal ReviewReviewer(string userId) => UserId = userId;
}

/// <summary>A change the review's rules refuse; the message is for the user, <see cref="Field"/> the field it concerns.</summary>
public sealed class ReviewRuleException(string message, string? field = null) : InvalidOperationException(message)
{
    public string? Field { get; } = field;
}

/// <summary>No such review, or not one the actor may see: the same answer for both.</summary>
public sealed class ReviewNotFoundException() : Exception("That review does not exist or is not yours to see.");
