using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.Tasks;

internal sealed class IncidentTaskConfiguration : IEntityTypeConfiguration<IncidentTask>
{
    public void Configure(EntityTypeBuilder<IncidentTask> task)
    {
        task.ToTable("IncidentTasks");
        task.Ignore(t => t.IsOpen);
        task.Property(t => t.Title).HasMaxLength(IncidentTask.MaxTitleLength).IsRequired();
        task.Property(t => t.Description).HasMaxLength(IncidentTask.MaxDescriptionLength).IsRequired();
        task.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        task.Property(t => t.CompletionNote).HasMaxLength(IncidentTask.MaxNoteLength);
        task.Property(t => t.Version).IsConcurrencyToken();
        task.HasOne<Incident>().WithMany().HasForeignKey(t => t.IncidentId).OnDelete(DeleteBehavior.Cascade);
        // A deleted team or person leaves the task in place (the timeline still names them).
        task.HasOne<Team>().WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.SetNull);
        task.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.SetNull);
        task.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.CreatedById).OnDelete(DeleteBehavior.SetNull);
        // The incident's task list and its open-task check; My tasks by owner and by team, open first, by due time.
        task.HasIndex(t => new { t.IncidentId, t.Status });
        task.HasIndex(t => new { t.OwnerId, t.Status, t.DueAt });
        task.HasIndex(t => new { t.TeamId, t.Status, t.DueAt });
        task.HasIndex(t => t.CreatedById);
    }
}
