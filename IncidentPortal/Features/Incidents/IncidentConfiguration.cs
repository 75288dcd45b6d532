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
        incident.Ignore(i => i.IsOpen);
        incident.Ignore(i => i.IsPriorityOverridden);
        incident.Property(i => i.Title).HasMaxLength(Incident.MaxTitleLength).IsRequired();
        incident.Property(i => i.Description).HasMaxLength(Incident.MaxTextLength).IsRequired();
        // Enums as text: the database stays readable and reordering an enum cannot corrupt data.
        incident.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        incident.Property(i => i.Impact).HasConversion<string>().HasMaxLength(10);
        incident.Property(i => i.Urgency).HasConversion<string>().HasMaxLength(10);
        incident.Property(i => i.Priority).HasConversion<string>().HasMaxLength(2);
        incident.Property(i => i.Source).HasConversion<string>().HasMaxLength(20);
        incident.Property(i => i.OnHoldReason).HasConversion<string>().HasMaxLength(20);
        incident.Property(i => i.ResolutionCode).HasConversion<string>().HasMaxLength(20);
        incident.Property(i => i.PriorityOverrideReason).HasMaxLength(500);
        incident.Property(i => i.ResolutionNotes).HasMaxLength(Incident.MaxTextLength);
        incident.Property(i => i.Workaround).HasMaxLength(Incident.MaxTextLength);
        incident.Property(i => i.CancelReason).HasMaxLength(500);
        incident.Property(i => i.Version).IsConcurrencyToken();
        incident.HasOne(i => i.Category).WithMany().HasForeignKey(i => i.CategoryId).OnDelete(DeleteBehavior.Restrict);
        incident.HasOne(i => i.Service).WithMany().HasForeignKey(i => i.ServiceId).OnDelete(DeleteBehavior.Restrict);
        incident.HasOne(i => i.AssignmentGroup).WithMany().HasForeignKey(i => i.AssignmentGroupId).OnDelete(DeleteBehavior.SetNull);
        incident.HasOne(i => i.Assignee).WithMany().HasForeignKey(i => i.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        incident.HasOne(i => i.Reporter).WithMany().HasForeignKey(i => i.ReporterId).OnDelete(DeleteBehavior.Restrict);
        incident.HasOne<Accounts.ApplicationUser>().WithMany().HasForeignKey(i => i.LoggedById).OnDelete(DeleteBehavior.SetNull);
        // An index, not a foreign key: on SQLite adding one rebuilds the whole Incidents table; incidents are not deleted.
        incident.HasIndex(i => i.DuplicateOfId);
        incident.HasMany(i => i.Activities).WithOne().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Cascade);
        // The queue (QueueService; measured by IncidentPortal.Benchmarks at 100,000 incidents). Each index leads with
        // what a view or filter fixes, then Status (open ones only), then the default order (priority, then age), so
        // the page and the counts are read from the index alone, never from the table:
        //   All open, Status/Priority filters, counts ........... Status, Priority, CreatedAt
        //   sort by last update ................................. Status, UpdatedAt
        //   My teams, Team filter ............................... AssignmentGroupId, Status, Priority, CreatedAt
        //   My work, Unassigned (AssigneeId IS NULL) ............ AssigneeId, Status, Priority, CreatedAt
        //   Service filter ...................................... ServiceId, Status, Priority, CreatedAt
        //   Category filter (with its subcategories) ............ CategoryId, Status, Priority, CreatedAt
        // They also serve as the foreign-key indexes of those columns.
        incident.HasIndex(i => new { i.Status, i.Priority, i.CreatedAt });
        incident.HasIndex(i => new { i.Status, i.UpdatedAt });
        incident.HasIndex(i => new { i.AssignmentGroupId, i.Status, i.Priority, i.CreatedAt });
        incident.HasIndex(i => new { i.AssigneeId, i.Status, i.Priority, i.CreatedAt });
        incident.HasIndex(i => new { i.ServiceId, i.Status, i.Priority, i.CreatedAt });
        incident.HasIndex(i => new { i.CategoryId, i.Status, i.Priority, i.CreatedAt });
        incident.HasIndex(i => new { i.ReporterId, i.CreatedAt });
        // Reports read each range by the moment things happened (Features/Reports).
        incident.HasIndex(i => i.CreatedAt);
        incident.HasIndex(i => i.ResolvedAt);
        incident.HasIndex(i => i.FirstResponseAt);
        incident.HasIndex(i => i.CancelledAt);
    }
}

internal sealed class IncidentActivityConfiguration : IEntityTypeConfiguration<IncidentActivity>
{
    public void Configure(EntityTypeBuilder<IncidentActivity> activity)
    {
        activity.ToTable("IncidentActivities");
        activity.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        activity.Property(a => a.Field).HasMaxLength(50);
        activity.Property(a => a.OldValue).HasMaxLength(500);
        activity.Property(a => a.NewValue).HasMaxLength(500);
        activity.Property(a => a.Text).HasMaxLength(Incident.MaxTextLength);
        activity.HasOne<Accounts.ApplicationUser>().WithMany().HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.SetNull);
        activity.HasIndex(a => new { a.IncidentId, a.Id });
    }
}

/// <summary>One cell of the admin-editable impact × urgency matrix.</summary>
public class PriorityMatrixCell
{
    public Impact Impact { get; set; }
    public Urgency Urgency { get; set; }
    public Priority Priority { get; set; }
}

internal sealed class PriorityMatrixCellConfiguration : IEntityTypeConfiguration<PriorityMatrixCell>
{
    public void Configure(EntityTypeBuilder<PriorityMatrixCell> cell)
    {
        cell.ToTable("PriorityMatrix");
        cell.HasKey(c => new { c.Impact, c.Urgency });
        cell.Property(c => c.Impact).HasConversion<string>().HasMaxLength(10);
        cell.Property(c => c.Urgency).HasConversion<string>().HasMaxLength(10);
        cell.Property(c => c.Priority).HasConversion<string>().HasMaxLength(2);
    }
}

/// <summary>Hands out incident numbers: one row per sequence, bumped inside the creating transaction.</summary>
public class NumberSequence
{
    public string Name { get; set; } = "";
    public int LastValue { get; set; }
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> sequence)
    {
        sequence.ToTable("NumberSequences");
        sequence.HasKey(s => s.Name);
        sequence.Property(s => s.Name).HasMaxLength(50);
    }
}
