using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.MajorIncidents;

internal sealed class SwarmRequestConfiguration : IEntityTypeConfiguration<SwarmRequest>
{
    public void Configure(EntityTypeBuilder<SwarmRequest> request)
    {
        request.ToTable("SwarmRequests");
        request.Property(r => r.Message).HasMaxLength(SwarmRequest.MaxMessageLength).IsRequired();
        request.Property(r => r.RequestedById).HasMaxLength(450).IsRequired();
        request.Property(r => r.RequestedByName).HasMaxLength(200).IsRequired();
        request.Property(r => r.PolicyName).HasMaxLength(200);
        request.HasOne<MajorIncident>().WithMany().HasForeignKey(r => r.MajorIncidentId).OnDelete(DeleteBehavior.Cascade);
        request.HasMany(r => r.Invites).WithOne().HasForeignKey(i => i.SwarmRequestId).OnDelete(DeleteBehavior.Cascade);
        request.HasIndex(r => r.MajorIncidentId);
    }
}

internal sealed class SwarmInviteConfiguration : IEntityTypeConfiguration<SwarmInvite>
{
    public void Configure(EntityTypeBuilder<SwarmInvite> invite)
    {
        invite.ToTable("SwarmInvites");
        invite.Property(i => i.UserId).HasMaxLength(450).IsRequired();
        invite.Property(i => i.Name).HasMaxLength(200).IsRequired();
        invite.Property(i => i.Via).HasMaxLength(200);
        invite.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        invite.HasIndex(i => i.UserId);
    }
}

internal sealed class StakeholderConfiguration : IEntityTypeConfiguration<Stakeholder>
{
    public void Configure(EntityTypeBuilder<Stakeholder> stakeholder)
    {
        stakeholder.ToTable("MajorIncidentStakeholders");
        stakeholder.Property(s => s.UserId).HasMaxLength(450);
        stakeholder.Property(s => s.Name).HasMaxLength(200).IsRequired();
        stakeholder.Property(s => s.AddedById).HasMaxLength(450).IsRequired();
        stakeholder.HasOne<MajorIncident>().WithMany().HasForeignKey(s => s.MajorIncidentId).OnDelete(DeleteBehavior.Cascade);
        stakeholder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        stakeholder.HasOne<Team>().WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Cascade);
        // A person or a team is a stakeholder once per major incident.
        stakeholder.HasIndex(s => new { s.MajorIncidentId, s.UserId }).IsUnique().HasFilter("\"UserId\" IS NOT NULL");
        stakeholder.HasIndex(s => new { s.MajorIncidentId, s.TeamId }).IsUnique().HasFilter("\"TeamId\" IS NOT NULL");
        stakeholder.ToTable(t => t.HasCheckConstraint("CK_Stakeholder_PersonOrTeam", "(\"UserId\" IS NULL) <> (\"TeamId\" IS NULL)"));
    }
}
