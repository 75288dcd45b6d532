using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Escalation;

/// <summary>
/// A demo policy, so "Page with policy…" has something to offer out of the box. Its short wait makes the second step
/// visible within seconds in a demo (and in the end-to-end test). Added only while no policy of that name exists.
/// </summary>
internal sealed class DemoEscalationSeeder(IDbContextFactory<AppDbContext> dbFactory) : IStartupSeeder
{
    public const string PolicyName = "Major incident paging";

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.EscalationPolicies.AnyAsync(p => p.Name == PolicyName, ct)) return;
        var people = await db.Users.Where(u => u.Email == "agent@demo.local" || u.Email == "sam@demo.local")
            .ToDictionaryAsync(u => u.Email!, u => u.Id, ct);
        if (people.Count < 2) return;
        var policy = new EscalationPolicy
        {
            Name = PolicyName,
            Description = "Page the on-call agent, then the security agent if nobody acknowledges.",
            OffHours = OffHoursRule.NotifyAnytime,
        };
        policy.Steps.Add(Step(0, 5, people["agent@demo.local"]));
        policy.Steps.Add(Step(1, 60, people["sam@demo.local"]));
        db.EscalationPolicies.Add(policy);
        await db.SaveChangesAsync(ct);
    }

    private static EscalationStep Step(int position, int waitSeconds, string userId)
    {
        var step = new EscalationStep { Position = position, WaitSeconds = waitSeconds };
        step.Targets.Add(new EscalationStepTarget { UserId = userId });
        return step;
    }
}
