using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Reviews;

/// <summary>The review tables; one call from AppDbContext.</summary>
internal static class ReviewModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<IncidentReview>(review =>
        {
            review.ToTable("IncidentReviews");
            review.Ignore(r => r.IsReadOnly);
            review.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            review.Property(r => r.Version).IsConcurrencyToken();
            review.HasOne<Incident>().WithMany().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
            review.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.SetNull);
            review.HasMany(r => r.Sections).WithOne().HasForeignKey(s => s.ReviewId).OnDelete(DeleteBehavior.Cascade);
            review.HasMany(r => r.Reviewers).WithOne().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Cascade);
            // One review per incident.
            review.HasIndex(r => r.IncidentId).IsUnique();
            review.HasIndex(r => r.AuthorId);
        });
        builder.Entity<ReviewReviewer>(reviewer =>
        {
            reviewer.ToTable("ReviewReviewers");
            reviewer.HasKey(r => new { r.ReviewId, r.UserId });
            reviewer.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
            reviewer.HasIndex(r => r.UserId);
        });
        builder.Entity<ReviewSection>(section =>
        {
            section.ToTable("ReviewSections");
            section.Property(s => s.Key).HasMaxLength(50).IsRequired();
            section.Property(s => s.Title).HasMaxLength(ReviewSection.MaxTitleLength).IsRequired();
            section.Property(s => s.Prompt).HasMaxLength(ReviewSection.MaxPromptLength).IsRequired();
            section.Property(s => s.Body).HasMaxLength(ReviewSection.MaxBodyLength).IsRequired();
            // Per-section optimistic concurrency: two saves from the same base version cannot both commit.
            section.Property(s => s.Version).IsConcurrencyToken();
            section.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UpdatedById).OnDelete(DeleteBehavior.SetNull);
            section.HasMany(s => s.Revisions).WithOne().HasForeignKey(r => r.SectionId).OnDelete(DeleteBehavior.Cascade);
            section.HasIndex(s => new { s.ReviewId, s.Key }).IsUnique();
            section.HasIndex(s => s.UpdatedById);
        });
        builder.Entity<ReviewSectionRevision>(revision =>
        {
            revision.ToTable("ReviewSectionRevisions");
            revision.Property(r => r.Body).HasMaxLength(ReviewSection.MaxBodyLength).IsRequired();
            revision.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.SavedById).OnDelete(DeleteBehavior.SetNull);
            revision.HasIndex(r => new { r.SectionId, r.Number }).IsUnique();
            revision.HasIndex(r => r.SavedById);
        });
        builder.Entity<ReviewComment>(comment =>
        {
            comment.ToTable("ReviewComments");
            comment.Property(c => c.Text).HasMaxLength(ReviewComment.MaxTextLength).IsRequired();
            comment.HasOne<ReviewSection>().WithMany().HasForeignKey(c => c.SectionId).OnDelete(DeleteBehavior.Cascade);
            comment.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.SetNull);
            comment.HasIndex(c => new { c.SectionId, c.CreatedAt });
            comment.HasIndex(c => c.AuthorId);
        });
        builder.Entity<ReviewTemplateSection>(template =>
        {
            template.ToTable("ReviewTemplateSections");
            template.Property(t => t.Key).HasMaxLength(50).IsRequired();
            template.Property(t => t.Title).HasMaxLength(ReviewSection.MaxTitleLength).IsRequired();
            template.Property(t => t.Prompt).HasMaxLength(ReviewSection.MaxPromptLength).IsRequired();
            template.HasIndex(t => t.Key).IsUnique();
        });
    }
}
