using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.Incidents.SavedViews;

internal sealed class SavedQueueViewConfiguration : IEntityTypeConfiguration<SavedQueueView>
{
    public void Configure(EntityTypeBuilder<SavedQueueView> view)
    {
        view.ToTable("SavedQueueViews");
        view.Property(v => v.Name).HasMaxLength(SavedQueueView.MaxNameLength).IsRequired();
        view.Property(v => v.Query).HasMaxLength(SavedQueueView.MaxQueryLength).IsRequired();
        view.Property(v => v.OwnerId).IsRequired();
        view.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.Cascade);
        view.HasOne<Team>().WithMany().HasForeignKey(v => v.TeamId).OnDelete(DeleteBehavior.Cascade);
        view.HasIndex(v => new { v.OwnerId, v.TeamId });
        view.HasIndex(v => v.TeamId);
    }
}
