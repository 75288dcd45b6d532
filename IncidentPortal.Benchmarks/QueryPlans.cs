using System.Data.Common;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Benchmarks;

/// <summary>
/// Prints SQLite's plan for every statement each benchmarked queue query runs, to show which index serves it
/// (`dotnet run -c Release --project IncidentPortal.Benchmarks -- plans`).
/// </summary>
internal static class QueryPlans
{
    public static async Task<int> PrintAsync()
    {
        const string name = "plans";
        var connectionString = BenchmarkDatabase.WorkingCopy(name);
        var recorder = new CommandRecorder();
        try
        {
            await using var portal = BenchmarkPortal.Open(connectionString, Path.GetDirectoryName(connectionString["Data Source=".Length..])!,
                builder => builder.Services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(recorder)));
            var agent = await portal.ActorAsync("agent@demo.local", isAgent: true);
            var queries = new (string Title, QueueQuery Query)[]
            {
                ("First page: All open, priority then age", QueueBenchmarks.FirstPageQuery),
                ("Filtered: My teams + P2 + VPN", QueueBenchmarks.FilteredQuery(await portal.ServiceIdAsync("VPN"))),
                ("Text search", QueueBenchmarks.TextSearchQuery),
                ("Reference search", QueueBenchmarks.ReferenceSearchQuery),
                ("My work, sorted by updated", new QueueQuery { View = QueueView.MyWork, Sort = QueueSort.Updated, Descending = true }),
                ("Unassigned, page 3", new QueueQuery { View = QueueView.Unassigned, Skip = 50 }),
            };
            foreach (var (title, query) in queries)
            {
                Console.WriteLine($"\n=== {title}");
                recorder.Commands.Clear();
                await portal.Queue.GetAsync(agent, query);
                // Recording is done: the plans are asked on a connection of our own.
                foreach (var command in recorder.Commands.ToList()) await PrintPlanAsync(connectionString, command);
            }
            return 0;
        }
        finally
        {
            BenchmarkDatabase.DeleteWorkingCopy(name);
        }
    }

    private static async Task PrintPlanAsync(string connectionString, (string Sql, (string Name, object? Value)[] Parameters) command)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (parameter, value) in command.Parameters) explain.Parameters.AddWithValue(parameter, value ?? DBNull.Value);
        Console.WriteLine("--- " + string.Join(" ", command.Sql.Split('\n', StringSplitOptions.TrimEntries)));
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) Console.WriteLine("    " + reader.GetString(3));
    }
}

/// <summary>Keeps the text and parameters of every command EF runs.</summary>
internal sealed class CommandRecorder : DbCommandInterceptor
{
    public List<(string Sql, (string Name, object? Value)[] Parameters)> Commands { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Add((command.CommandText,
            command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value is DBNull ? null : p.Value)).ToArray()));
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
