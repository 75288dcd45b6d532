using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Reviews;

namespace IncidentPortal.Tests.Features.Reviews;

/// <summary>Conflicts are detected per section: a stale save of one section is refused, other sections are unaffected.</summary>
public sealed class SectionConflictTests
{
    private static readonly DateTime T0 = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private static ChangeContext By(string who, int minute) => new(who, T0.AddMinutes(minute), true);

    private static IncidentReview NewReview() => IncidentReview.Start(1,
        [new SectionDraft("summary", "Summary", "", "First draft"), new SectionDraft("root-cause", "Root cause", "", "")], By("ada", 0));

    [Fact]
    public void The_second_save_from_the_same_version_conflicts_and_carries_the_first_persons_text()
    {
        var review = NewReview();
        var summary = review.Sections[0];

        Assert.True(summary.Save("Ada's summary", baseVersion: 1, By("ada", 1)));
        var conflict = Assert.Throws<SectionConflictException>(() => summary.Save("Bo's summary", baseVersion: 1, By("bo", 2)));

        Assert.Equal(("Ada's summary", 2, "ada"), (conflict.TheirBody, conflict.TheirVersion, conflict.TheirAuthorId));
        Assert.Equal(("Ada's summary", 2), (summary.Body, summary.Version));
        // Having seen Ada's text, Bo saves his merge on top of her version.
        Assert.True(summary.Save("Ada's and Bo's summary", baseVersion: 2, By("bo", 3)));
        Assert.Equal([1, 2, 3], summary.Revisions.Select(r => r.Number));
        Assert.Equal(["First draft", "Ada's summary", "Ada's and Bo's summary"], summary.Revisions.Select(r => r.Body));
    }

    [Fact]
    public void Saving_another_section_never_conflicts()
    {
        var review = NewReview();
        review.Sections[0].Save("Ada's summary", 1, By("ada", 1));
        review.Sections[0].Save("Ada's better summary", 2, By("ada", 2));

        // Bo opened the review before Ada's saves; he edits the root cause, which nobody else touched.
        Assert.True(review.Sections[1].Save("A looping cable", baseVersion: 1, By("bo", 3)));
        Assert.Equal(2, review.Sections[1].Version);
    }

    [Fact]
    public void A_stale_save_with_the_same_text_as_the_current_one_is_not_a_conflict_and_changes_nothing()
    {
        var summary = NewReview().Sections[0];
        summary.Save("Same words", 1, By("ada", 1));

        Assert.False(summary.Save("Same words\r\n", baseVersion: 1, By("bo", 2)));
        Assert.Equal((2, "ada"), (summary.Version, summary.UpdatedById));
    }

    [Fact]
    public void A_published_review_refuses_section_edits()
    {
        var review = NewReview();
        review.SubmitForReview(["bo"], By("ada", 1));
        review.Publish(shareWithReporter: false, By("ada", 2));

        Assert.Throws<ReviewRuleException>(review.EnsureEditable);
        Assert.Throws<ReviewRuleException>(() => review.ReturnToDraft(By("ada", 3)));
    }
}
