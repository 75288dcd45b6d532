using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Infrastructure.Data;

/// <summary>
/// Copies the SQLite write-ahead log into the database file in the background, twice a second. Otherwise the connection
/// whose commit grows the log past 1,000 pages does it before its commit returns: with alerts streaming in, that is the
/// alert writer, and every alert waiting on that batch pays a checkpoint (several milliseconds of writes and an fsync).
/// The writer switches its own automatic checkpoints off (<see cref="TakeOver"/>); other connections keep theirs.
/// </summary>
internal sealed class SqliteCheckpointer(IDbContextFactory<AppDbContext> dbFactory, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>Leaves this connection's checkpoints to the background.</summary>
    public static void TakeOver(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint = 0;";
        command.ExecuteNonQuery();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                    // PASSIVE: copies what no reader still needs, never waits for readers or writers.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "A background WAL checkpoint failed; the next one retries.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
