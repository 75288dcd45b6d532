using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.Problems;

internal sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> problem)
    {
        problem.ToTable("Problems");
        problem.Ignore(p => p.Reference);
        problem.Property(p => p.Title).HasMaxLength(Problem.MaxTitleLength).IsRequired();
        problem.Property(p => p.Description).HasMaxLength(Problem.MaxTextLength).IsRequired();
        problem.Property(p => p.KnownError).HasMaxLength(Problem.MaxTextLength).IsRequired();
        problem.Property(p => p.Workaround).HasMaxLength(Problem.MaxTextLength).IsRequired();
        problem.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        problem.Property(p => p.Version).IsConcurrencyToken();
        problem.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.CreatedById).OnDelete(DeleteBehavior.SetNull);
        problem.HasMany(p => p.Incidents).WithOne().HasForeignKey(l => l.ProblemId).OnDelete(DeleteBehavior.Cascade);
        problem.HasIndex(p => new { p.Status, p.UpdatedAt });
        problem.HasIndex(p => p.CreatedById);
    }
}

internal sealed class ProblemIncidentConfiguration : IEntityTypeConfiguration<ProblemIncident>
{
    public void Configure(EntityTypeBuilder<ProblemIncident> link)
    {
        link.ToTable("ProblemIncidents");
        link.HasKey(l => new { l.ProblemId, l.IncidentId });
        link.HasOne<Incident>().WithMany().HasForeignKey(l => l.IncidentId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.LinkedById).OnDelete(DeleteBehavior.SetNull);
        // One problem per incident.
        link.HasIndex(l => l.IncidentId).IsUnique();
        link.HasIndex(l => l.LinkedById);
    }
}
