using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.Escalation;

internal sealed class EscalationPolicyConfiguration : IEntityTypeConfiguration<EscalationPolicy>
{
    public void Configure(EntityTypeBuilder<EscalationPolicy> policy)
    {
        policy.ToTable("EscalationPolicies");
        policy.Property(p => p.Name).HasMaxLength(100).IsRequired();
        policy.Property(p => p.Description).HasMaxLength(500).IsRequired();
        policy.Property(p => p.OffHours).HasConversion<string>().HasMaxLength(30);
        policy.HasIndex(p => p.Name).IsUnique();
        policy.HasMany(p => p.Steps).WithOne().HasForeignKey(s => s.PolicyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EscalationStepConfiguration : IEntityTypeConfiguration<EscalationStep>
{
    public void Configure(EntityTypeBuilder<EscalationStep> step)
    {
        step.ToTable("EscalationSteps");
        step.Ignore(s => s.Wait);
        step.HasIndex(s => new { s.PolicyId, s.Position }).IsUnique();
        step.HasMany(s => s.Targets).WithOne().HasForeignKey(t => t.StepId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EscalationStepTargetConfiguration : IEntityTypeConfiguration<EscalationStepTarget>
{
    public void Configure(EntityTypeBuilder<EscalationStepTarget> target)
    {
        target.ToTable("EscalationStepTargets");
        target.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        target.HasOne<Team>().WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EscalationRunConfiguration : IEntityTypeConfiguration<EscalationRun>
{
    public void Configure(EntityTypeBuilder<EscalationRun> run)
    {
        run.ToTable("EscalationRuns");
        run.Ignore(r => r.IsActive);
        run.Property(r => r.Reason).HasMaxLength(EscalationRun.MaxReasonLength).IsRequired();
        run.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        // The claim: a step commits only if nobody else moved the run on since it was read.
        run.Property(r => r.Version).IsConcurrencyToken();
        run.HasOne<Incident>().WithMany().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
        // History keeps its policy: a policy that has paged someone cannot be deleted (the admin service says so).
        run.HasOne<EscalationPolicy>().WithMany().HasForeignKey(r => r.PolicyId).OnDelete(DeleteBehavior.Restrict);
        run.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.StartedById).OnDelete(DeleteBehavior.SetNull);
        run.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.AcknowledgedById).OnDelete(DeleteBehavior.SetNull);
        // The worker's query: active runs by due time (finished ones have no NextFireAt).
        run.HasIndex(r => r.NextFireAt);
        run.HasIndex(r => new { r.IncidentId, r.FinishedAt });
    }
}

internal sealed class IncidentEscalationConfiguration : IEntityTypeConfiguration<IncidentEscalation>
{
    public void Configure(EntityTypeBuilder<IncidentEscalation> escalation)
    {
        escalation.ToTable("IncidentEscalations");
        escalation.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        escalation.Property(e => e.Target).HasConversion<string>().HasMaxLength(20);
        escalation.Property(e => e.Reason).HasMaxLength(IncidentEscalation.MaxReasonLength).IsRequired();
        escalation.HasOne<Incident>().WithMany().HasForeignKey(e => e.IncidentId).OnDelete(DeleteBehavior.Cascade);
        escalation.HasOne<Team>().WithMany().HasForeignKey(e => e.FromTeamId).OnDelete(DeleteBehavior.SetNull);
        escalation.HasOne<Team>().WithMany().HasForeignKey(e => e.ToTeamId).OnDelete(DeleteBehavior.SetNull);
        escalation.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.ById).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class EscalationRuleConfiguration : IEntityTypeConfiguration<EscalationRule>
{
    public void Configure(EntityTypeBuilder<EscalationRule> rule)
    {
        rule.ToTable("EscalationRules");
        rule.HasKey(r => new { r.Priority, r.Trigger });
        rule.Property(r => r.Priority).HasConversion<string>().HasMaxLength(2);
        rule.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(20);
        rule.Property(r => r.Action).HasConversion<string>().HasMaxLength(30);
        rule.HasOne<EscalationPolicy>().WithMany().HasForeignKey(r => r.PolicyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TeamEscalationConfiguration : IEntityTypeConfiguration<TeamEscalation>
{
    public void Configure(EntityTypeBuilder<TeamEscalation> team)
    {
        team.ToTable("TeamEscalations");
        team.HasKey(t => t.TeamId);
        team.Ignore(t => t.AutoStart);
        team.Property(t => t.AutoStartPriorities).HasMaxLength(20).IsRequired();
        team.HasOne<Team>().WithOne().HasForeignKey<TeamEscalation>(t => t.TeamId).OnDelete(DeleteBehavior.Cascade);
        team.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.LeadUserId).OnDelete(DeleteBehavior.SetNull);
        team.HasOne<Team>().WithMany().HasForeignKey(t => t.NextTierTeamId).OnDelete(DeleteBehavior.SetNull);
        team.HasOne<EscalationPolicy>().WithMany().HasForeignKey(t => t.DefaultPolicyId).OnDelete(DeleteBehavior.Restrict);
        team.HasOne<Sla.BusinessCalendar>().WithMany().HasForeignKey(t => t.CalendarId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The escalation tables, applied from AppDbContext in one line.</summary>
internal static class EscalationModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.ApplyConfiguration(new EscalationPolicyConfiguration());
        builder.ApplyConfiguration(new EscalationStepConfiguration());
        builder.ApplyConfiguration(new EscalationStepTargetConfiguration());
        builder.ApplyConfiguration(new EscalationRunConfiguration());
        builder.ApplyConfiguration(new IncidentEscalationConfiguration());
        builder.ApplyConfiguration(new EscalationRuleConfiguration());
        builder.ApplyConfiguration(new TeamEscalationConfiguration());
    }
}
