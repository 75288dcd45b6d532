using IncidentPortal.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.Teams;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> team)
    {
        team.ToTable("Teams");
        team.Property(t => t.Name).HasMaxLength(100).IsRequired();
        team.Property(t => t.Description).HasMaxLength(500).IsRequired();
        team.HasIndex(t => t.Name).IsUnique();
        team.HasMany(t => t.Members).WithMany(u => u.Teams)
            .UsingEntity<Dictionary<string, object>>("TeamMembers",
                member => member.HasOne<ApplicationUser>().WithMany().HasForeignKey("UserId").OnDelete(DeleteBehavior.Cascade),
                member => member.HasOne<Team>().WithMany().HasForeignKey("TeamId").OnDelete(DeleteBehavior.Cascade),
                member => member.HasKey("TeamId", "UserId"));
    }
}
