using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Infrastructure.Data;

/// <summary>
/// Brings the database up to date before the app takes requests (hosted services start before the server),
/// then runs the start-up seeders in order.
/// </summary>
internal sealed class DatabaseMigrator(
    IDbContextFactory<AppDbContext> dbFactory,
    IEnumerable<IStartupSeeder> seeders,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (db.Database.IsSqlite())
            {
                // WAL lets readers (the queue, the status page) go on while a writer commits.
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0) logger.LogInformation("Applying migrations: {Migrations}", string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
        foreach (var seeder in seeders) await seeder.SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Runs once at start-up, after migrations, in registration order. Must be idempotent.</summary>
public interface IStartupSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
