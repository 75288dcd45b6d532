using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Integrations;

/// <summary>
/// The reporter of incidents raised by monitoring: an account nobody can sign in with (no password, no e-mail,
/// locked out) so that every incident still has a reporter.
/// </summary>
public sealed class MonitoringAccount(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock) : IStartupSeeder
{
    public const string UserId = "system-monitoring";
    public const string DisplayName = "Monitoring";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(u => u.Id == UserId, cancellationToken)) return;
        db.Users.Add(new ApplicationUser
        {
            Id = UserId,
            UserName = "system-monitoring",
            NormalizedUserName = "SYSTEM-MONITORING",
            DisplayName = DisplayName,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = true,
            LockoutEnd = DateTimeOffset.MaxValue,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
