using IncidentPortal.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.Incidents;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> incident)
    {
        incident.ToTable("Incidents");
        incident.HasIndex(i => i.Number).IsUnique();
        incident.Ignore(i => i.Reference);
        incident.Property(i => i.Title).HasMaxLength(200).IsRequired();
        incident.Property(i => i.Description).HasMaxLength(8000).IsRequired();
        // Enums as text: the database stays readable and reordering an enum cannot corrupt data.
        incident.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        incident.Property(i => i.Impact).HasConversion<string>().HasMaxLength(10);
        incident.Property(i => i.Urgency).HasConversion<string>().HasMaxLength(10);
        incident.Property(i => i.Priority).HasConversion<string>().HasMaxLength(2);
        incident.Property(i => i.Source).HasConversion<string>().HasMaxLength(20);
        incident.HasOne(i => i.Category).WithMany().HasForeignKey(i => i.CategoryId).OnDelete(DeleteBehavior.Restrict);
        incident.HasOne(i => i.Service).WithMany().HasForeignKey(i => i.ServiceId).OnDelete(DeleteBehavior.Restrict);
        incident.HasOne(i => i.AssignmentGroup).WithMany().HasForeignKey(i => i.AssignmentGroupId).OnDelete(DeleteBehavior.SetNull);
        incident.HasOne(i => i.Assignee).WithMany().HasForeignKey(i => i.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        incident.HasOne(i => i.Reporter).WithMany().HasForeignKey(i => i.ReporterId).OnDelete(DeleteBehavior.Restrict);
        incident.HasIndex(i => new { i.Status, i.Priority });
    }
}
