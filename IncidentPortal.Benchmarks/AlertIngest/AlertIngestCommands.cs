using System.Diagnostics;
using IncidentPortal.Features.Alerts;
using IncidentPortal.Features.Integrations;
using IncidentPortal.Features.Teams;
using IncidentPortal.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Benchmarks.AlertIngest;

/// <summary>
/// Helpers around the HTTP ingest benchmark (run-ingest-benchmark.sh): create the integration, check afterwards that
/// every 202 is in the database, and measure the raw single-row insert rate of the same SQLite file.
/// </summary>
public static class AlertIngestCommands
{
    public static async Task<int> RunAsync(string[] args)
    {
        switch (args)
        {
            case ["setup", var file]:
                Console.WriteLine(await SetupAsync(file));
                return 0;
            case ["verify", var file, var accepted]:
                return await VerifyAsync(file, long.Parse(accepted, System.Globalization.CultureInfo.InvariantCulture));
            case ["inserts", var file, var seconds]:
                Inserts(file, double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
                return 0;
            default:
                Console.Error.WriteLine("usage: alerts setup <db> | alerts verify <db> <accepted> | alerts inserts <db> <seconds>");
                return 2;
        }
    }

    /// <summary>A team and an Events integration without a practical rate limit; prints the key.</summary>
    private static async Task<string> SetupAsync(string file)
    {
        await using var db = Context(file);
        var team = new Team { Name = "Bench " + Guid.NewGuid().ToString("N")[..6] };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        var key = IssuedKey.Generate();
        var settings = IntegrationSettings.Defaults("Benchmark " + team.Name[6..], IntegrationKind.Events, team.Id);
        db.AlertIntegrations.Add(AlertIntegration.Create(settings with { RateLimitPerMinute = AlertIntegration.MaxRateLimitPerMinute },
            key, DateTime.UtcNow));
        await db.SaveChangesAsync();
        return key.Secret;
    }

    /// <summary>Every 202 is exactly one counted occurrence: the sum must be at least what wrk saw accepted.</summary>
    private static async Task<int> VerifyAsync(string file, long accepted)
    {
        await using var db = Context(file);
        var integration = await db.AlertIntegrations.OrderByDescending(i => i.Id).FirstAsync(i => i.Name.StartsWith("Benchmark "));
        var alerts = db.Alerts.Where(a => a.IntegrationId == integration.Id);
        var occurrences = await alerts.SumAsync(a => (long)a.OccurrenceCount);
        var count = await alerts.CountAsync();
        var incidents = await alerts.Select(a => a.IncidentId).Distinct().CountAsync();
        Console.WriteLine($"stored: {count} alerts, {incidents} incidents, {occurrences} occurrences counted; wrk saw {accepted} answered 202");
        // More stored than answered is fine: requests in flight when wrk stopped, or that it gave up on, were still stored.
        if (occurrences < accepted) Console.WriteLine("MISMATCH: not every accepted alert is stored");
        else Console.WriteLine($"every 202 is stored ({occurrences - accepted} more stored than wrk saw answered: requests in flight when wrk stopped, or timed out)");
        return occurrences >= accepted ? 0 : 1;
    }

    /// <summary>
    /// One row per transaction, as many as fit in the time, into a scratch table of the same file with the app's
    /// settings (WAL, synchronous FULL): the ceiling for a design that commits each request on its own.
    /// </summary>
    private static void Inserts(string file, double seconds)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS BenchInserts (Id INTEGER PRIMARY KEY, Payload TEXT NOT NULL);");
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO BenchInserts (Payload) VALUES ($p)";
        var payload = insert.Parameters.Add("$p", SqliteType.Text);
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var started = clock.Elapsed.TotalMilliseconds;
            using (var transaction = connection.BeginTransaction())
            {
                insert.Transaction = transaction;
                payload.Value = "{\"summary\":\"raw insert\",\"n\":" + latencies.Count + "}";
                insert.ExecuteNonQuery();
                transaction.Commit();
            }
            latencies.Add(clock.Elapsed.TotalMilliseconds - started);
        }
        latencies.Sort();
        Console.WriteLine($"single-row inserts (one transaction each): {latencies.Count / clock.Elapsed.TotalSeconds:0} rows/s, "
            + $"p50 {latencies[latencies.Count / 2]:0.00} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:0.00} ms");
        Execute(connection, "DROP TABLE BenchInserts;");
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static AppDbContext Context(string file) => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite(new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30 }.ToString()).Options);
}
