using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Problems;
using IncidentPortal.Features.Reviews;
using IncidentPortal.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.ActionItems;

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> item)
    {
        item.ToTable("ActionItems");
        item.Ignore(a => a.IsOpen);
        item.Property(a => a.Title).HasMaxLength(ActionItem.MaxTitleLength).IsRequired();
        item.Property(a => a.Priority).HasConversion<string>().HasMaxLength(20);
        item.Property(a => a.Type).HasConversion<string>().HasMaxLength(20);
        item.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        item.Property(a => a.Version).IsConcurrencyToken();
        item.HasOne<Incident>().WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Cascade);
        item.HasOne<Team>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.SetNull);
        item.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.SetNull);
        item.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.SetNull);
        item.HasOne<Problem>().WithMany().HasForeignKey(a => a.ProblemId).OnDelete(DeleteBehavior.SetNull);
        // Reviews are never deleted on their own: one goes only with its incident, whose cascade takes these items too.
        // NO ACTION (checked at the end of the statement) lets that cascade run; RESTRICT can refuse it mid-cascade
        // (SQLite: when the review row goes before the items, depending on table order).
        item.HasOne<IncidentReview>().WithMany().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.NoAction);
        item.HasIndex(a => new { a.IncidentId, a.ReviewId });
        item.HasIndex(a => new { a.OwnerId, a.Status, a.DueDate });
        item.HasIndex(a => new { a.Status, a.DueDate });
        item.HasIndex(a => a.TeamId);
        item.HasIndex(a => a.CreatedById);
        item.HasIndex(a => a.ProblemId);
    }
}
