using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentPortal.Tests.Infrastructure.Data;

public class SqliteCheckpointerTests
{
    [Fact]
    public async Task Writes_of_a_connection_without_automatic_checkpoints_reach_the_database_file_in_the_background()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Factory.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var file = db.Database.GetDbConnection().DataSource;
        SqliteCheckpointer.TakeOver(db.Database.GetDbConnection());
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE \"Filler\" (\"Bytes\" BLOB);");
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        var settled = new FileInfo(file).Length;

        // ~1 MB in 250 commits: past SQLite's automatic threshold (1,000 pages), which this connection no longer uses.
        for (var i = 0; i < 250; i++) await db.Database.ExecuteSqlRawAsync("INSERT INTO \"Filler\" VALUES (randomblob(4000));");
        Assert.Equal(settled, new FileInfo(file).Length);

        var checkpointer = new SqliteCheckpointer(database.Factory, NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (new FileInfo(file).Length < settled + 1_000_000 && DateTime.UtcNow < deadline) await Task.Delay(50);
        }
        finally
        {
            await checkpointer.StopAsync(CancellationToken.None);
        }
        Assert.True(new FileInfo(file).Length >= settled + 1_000_000,
            $"The database file stayed at {new FileInfo(file).Length} bytes (was {settled}): nothing was checkpointed.");
    }
}
