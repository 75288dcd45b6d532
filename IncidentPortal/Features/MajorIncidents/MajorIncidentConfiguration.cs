using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.MajorIncidents;

internal sealed class MajorIncidentConfiguration : IEntityTypeConfiguration<MajorIncident>
{
    public void Configure(EntityTypeBuilder<MajorIncident> major)
    {
        major.ToTable("MajorIncidents");
        major.Ignore(m => m.IsActive);
        major.Ignore(m => m.Commander);
        major.Ignore(m => m.Current);
        major.Ignore(m => m.ChildrenToResolve);
        major.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
        major.Property(m => m.Severity).HasConversion<string>().HasMaxLength(10);
        major.Property(m => m.ProposedById).HasMaxLength(450).IsRequired();
        major.Property(m => m.ProposalReason).HasMaxLength(MajorIncident.MaxReasonLength);
        major.Property(m => m.RejectionReason).HasMaxLength(MajorIncident.MaxReasonLength);
        major.Property(m => m.BridgeUrl).HasMaxLength(500);
        major.Property(m => m.Version).IsConcurrencyToken();
        major.HasOne<Incident>().WithMany().HasForeignKey(m => m.IncidentId).OnDelete(DeleteBehavior.Cascade);
        major.HasMany(m => m.Roles).WithOne().HasForeignKey("MajorIncidentId").OnDelete(DeleteBehavior.Cascade);
        major.HasMany(m => m.Log).WithOne().HasForeignKey("MajorIncidentId").OnDelete(DeleteBehavior.Cascade);
        major.HasMany(m => m.Children).WithOne().HasForeignKey(c => c.MajorIncidentId).OnDelete(DeleteBehavior.Cascade);
        // One response per incident; the running ones are what the queue, the surge check and the banners ask for.
        major.HasIndex(m => m.IncidentId).IsUnique();
        major.HasIndex(m => m.State);
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> role)
    {
        role.ToTable("MajorIncidentRoles");
        role.Property(r => r.Role).HasConversion<string>().HasMaxLength(30);
        role.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        role.Property(r => r.Name).HasMaxLength(200).IsRequired();
        role.Property(r => r.AssignedById).HasMaxLength(450).IsRequired();
        role.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        role.HasIndex(r => r.UserId);
    }
}

internal sealed class ResponseLogEntryConfiguration : IEntityTypeConfiguration<ResponseLogEntry>
{
    public void Configure(EntityTypeBuilder<ResponseLogEntry> entry)
    {
        entry.ToTable("MajorIncidentLog");
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Text).HasMaxLength(MajorIncident.MaxLogLength).IsRequired();
        entry.Property(e => e.ActorId).HasMaxLength(450);
        entry.Property(e => e.ActorName).HasMaxLength(200).IsRequired();
        entry.Property(e => e.PinnedById).HasMaxLength(450);
        entry.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.SetNull);
        entry.HasIndex("MajorIncidentId", nameof(ResponseLogEntry.At));
        entry.HasIndex(e => e.ActorId);
    }
}

internal sealed class LinkedIncidentConfiguration : IEntityTypeConfiguration<LinkedIncident>
{
    public void Configure(EntityTypeBuilder<LinkedIncident> link)
    {
        link.ToTable("MajorIncidentChildren");
        link.HasKey(l => new { l.MajorIncidentId, l.IncidentId });
        link.HasOne<Incident>().WithMany().HasForeignKey(l => l.IncidentId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.LinkedById).OnDelete(DeleteBehavior.SetNull);
        link.Property(l => l.LinkedById).HasMaxLength(450);
        // An incident is the child of at most one major incident.
        link.HasIndex(l => l.IncidentId).IsUnique();
        link.HasIndex(l => l.LinkedById);
    }
}
