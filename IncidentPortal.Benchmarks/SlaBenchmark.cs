using System.Diagnostics;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Sla;
using IncidentPortal.Infrastructure.Events;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentPortal.Benchmarks;

/// <summary>
/// `-- sla`: recomputing the SLA clocks of 100,000 OPEN incidents (every generated incident is reopened first, its
/// resolve/close/cancel history removed), the way a policy or calendar change does; and the watcher's scan.
/// A single run of minutes is timed with a stopwatch (BenchmarkDotNet's repetitions add nothing at that scale).
/// </summary>
internal static class SlaBenchmark
{
    public static async Task<int> RunAsync()
    {
        var connectionString = BenchmarkDatabase.WorkingCopy("sla");
        var file = connectionString["Data Source=".Length..];
        await using var portal = BenchmarkPortal.Open(connectionString, Path.GetDirectoryName(file)!);
        var recomputer = new SlaRecomputer(portal.Db, portal.Services.GetRequiredService<IEventBus>(), TimeProvider.System,
            NullLogger<SlaRecomputer>.Instance);

        await using (var db = await portal.Db.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE Incidents SET Status = 'InProgress' WHERE Status IN ('Resolved', 'Closed', 'Cancelled')");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM IncidentActivities WHERE Kind = 'StatusChanged' AND NewValue IN ('Resolved', 'Closed', 'Cancelled')");
            await SlaDefaults.EnsureAsync(db, "Europe/London", default);
            var open = await db.Incidents.CountAsync(i => IncidentLifecycle.OpenStatuses.Contains(i.Status));
            Console.WriteLine($"// {open:N0} open incidents, {await db.IncidentActivities.CountAsync():N0} activities");
        }

        await TimeAsync("First computation (creates 2 clock rows per incident)", () => recomputer.RecomputeOpenAsync("benchmark set-up"));
        await TimeAsync("Recompute, nothing moves (e.g. a calendar rename)", () => recomputer.RecomputeOpenAsync("benchmark"));
        await using (var db = await portal.Db.CreateDbContextAsync())
        {
            var policy = await db.SlaPolicies.Include(p => p.Targets).ThenInclude(t => t.Calendar).SingleAsync();
            policy.Update(policy.Name, 0.8, policy.Pausing, policy.Targets.Select(t =>
                SlaTarget.For(t.Priority, t.Response, t.Priority == Priority.P3 ? TimeSpan.FromHours(12) : t.Resolution, t.Calendar!)).ToList());
            await db.SaveChangesAsync();
        }
        await TimeAsync("Recompute after a policy change (every due time moves; one timeline entry each)",
            () => recomputer.RecomputeOpenAsync("a change to the SLA policy \"Standard\""));

        await using (var db = await portal.Db.CreateDbContextAsync())
        {
            var now = DateTime.UtcNow;
            var scan = db.SlaClocks.AsNoTracking().Where(c => c.NextCheckAt <= now).OrderBy(c => c.NextCheckAt).Take(200).Select(c => c.Id);
            var watch = Stopwatch.StartNew();
            const int runs = 50;
            var due = 0;
            for (var i = 0; i < runs; i++) due = (await scan.ToListAsync()).Count;
            Console.WriteLine($"Watcher scan (NextCheckAt <= now, first 200 of what is due): {watch.Elapsed.TotalMilliseconds / runs:F2} ms per pass, {due} due now");
            Console.WriteLine("  plan: " + await PlanAsync(file, scan.ToQueryString()));
        }
        return 0;
    }

    private static async Task TimeAsync(string what, Func<Task<(int Incidents, int Moved)>> work)
    {
        var watch = Stopwatch.StartNew();
        var (incidents, moved) = await work();
        Console.WriteLine($"{what}: {incidents:N0} incidents in {watch.Elapsed.TotalSeconds:F1} s " +
            $"({incidents / Math.Max(0.001, watch.Elapsed.TotalSeconds):N0}/s), {moved:N0} moved");
    }

    private static async Task<string> PlanAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        // ToQueryString declares parameters with .param set; EXPLAIN needs them inline.
        var lines = sql.Split('\n');
        var body = string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        foreach (var p in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = p[".param set ".Length..].Split(' ', 2);
            body = body.Replace(parts[0], parts[1]);
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + body;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return string.Join(" | ", plan);
    }
}
