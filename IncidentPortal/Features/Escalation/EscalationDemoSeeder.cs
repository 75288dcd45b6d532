using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Escalation;

/// <summary>
/// With demo data: a paging policy and Service Desk's place in the matrix, so the escalation pages show what they are for.
/// Runs after the demo organisation (registered later), and only while no policy exists at all.
/// </summary>
internal sealed class EscalationDemoSeeder(IDbContextFactory<AppDbContext> dbFactory) : IStartupSeeder
{
    public const string PolicyName = "Major incident paging";

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.EscalationPolicies.AnyAsync(ct)) return;
        var people = await db.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, u => u.Id, ct);
        var teams = await db.Teams.ToDictionaryAsync(t => t.Name, t => t.Id, ct);
        if (!people.TryGetValue("agent@demo.local", out var agent) || !people.TryGetValue("manager@demo.local", out var manager)
            || !people.TryGetValue("sam@demo.local", out var sam)
            || !teams.TryGetValue("Service Desk", out var serviceDesk)
            || !teams.TryGetValue("Applications", out var applications)) return;

        var policy = new EscalationPolicy
        {
            Name = PolicyName,
            // Short waits so a demo (and the end-to-end test) sees the second step within seconds.
            Description = "Pages the on-duty agent, then the security agent when nobody acknowledges.",
            OffHours = OffHoursRule.NotifyAnytime,
        };
        var first = new EscalationStep { Position = 0, WaitSeconds = 5 };
        first.Targets.Add(new EscalationStepTarget { UserId = agent });
        var second = new EscalationStep { Position = 1, WaitSeconds = 60 };
        second.Targets.Add(new EscalationStepTarget { UserId = sam });
        policy.Steps.Add(first);
        policy.Steps.Add(second);
        db.EscalationPolicies.Add(policy);
        await db.SaveChangesAsync(ct);

        if (!await db.TeamEscalations.AnyAsync(t => t.TeamId == serviceDesk, ct))
            db.TeamEscalations.Add(new TeamEscalation
            {
                TeamId = serviceDesk, LeadUserId = manager, NextTierTeamId = applications, DefaultPolicyId = policy.Id,
            });
        await db.SaveChangesAsync(ct);
    }
}
