using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.Routing;

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public const int MaxListLength = 2000;

    public void Configure(EntityTypeBuilder<RoutingRule> rule)
    {
        rule.ToTable("RoutingRules");
        rule.Property(r => r.Name).HasMaxLength(100).IsRequired();
        rule.HasIndex(r => r.Name).IsUnique();
        rule.Ignore(r => r.HasConditions);
        rule.Property(r => r.RaisePriorityTo).HasConversion<string>().HasMaxLength(2);
        // Deleting a team a rule routes to is refused (TeamAdminService says which rules to change first).
        rule.HasOne(r => r.Team).WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Restrict);
        // Condition lists as comma-separated text: a handful of values, read only with their rule, on any provider.
        // Ids of categories or services deleted later simply stop matching, which can only narrow a rule.
        List(rule.Property(r => r.CategoryIds), int.Parse, i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        List(rule.Property(r => r.ServiceIds), int.Parse, i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        List(rule.Property(r => r.Priorities), Enum.Parse<Priority>, p => p.ToString());
        List(rule.Property(r => r.Sources), Enum.Parse<IncidentSource>, s => s.ToString());
        // Keywords cannot contain commas (the editor splits at them), so the same format serves.
        List(rule.Property(r => r.Keywords), k => k, k => k);
    }

    private static void List<T>(PropertyBuilder<List<T>> property, Func<string, T> parse, Func<T, string> format) where T : notnull =>
        property.HasConversion(
                list => string.Join(",", list.Select(format)),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(parse).ToList(),
                new ValueComparer<List<T>>((a, b) => a!.SequenceEqual(b!), list => list.Aggregate(0, (h, v) => HashCode.Combine(h, v)),
                    list => list.ToList()))
            .HasMaxLength(MaxListLength).IsRequired();
}

internal sealed class TeamAutoAssignmentConfiguration : IEntityTypeConfiguration<TeamAutoAssignment>
{
    public void Configure(EntityTypeBuilder<TeamAutoAssignment> settings)
    {
        settings.ToTable("TeamAutoAssignments");
        settings.HasKey(s => s.TeamId);
        settings.Property(s => s.TeamId).ValueGeneratedNever();
        settings.Property(s => s.Mode).HasConversion<string>().HasMaxLength(20);
        settings.HasOne<Team>().WithOne().HasForeignKey<TeamAutoAssignment>(s => s.TeamId).OnDelete(DeleteBehavior.Cascade);
        settings.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.LastAssigneeId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AgentAvailabilityConfiguration : IEntityTypeConfiguration<AgentAvailability>
{
    public void Configure(EntityTypeBuilder<AgentAvailability> availability)
    {
        availability.ToTable("AgentAvailability");
        availability.HasKey(a => a.UserId);
        availability.HasOne<ApplicationUser>().WithOne().HasForeignKey<AgentAvailability>(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
