using System.Globalization;
using IncidentPortal.Infrastructure.Data;

namespace IncidentPortal.Features.DemoData;

/// <summary>
/// `dotnet run --project IncidentPortal -- seed-incidents 100000`: brings the database up to date (migrations and
/// start-up seeders, as a normal start would), inserts that many generated incidents and exits without serving.
/// </summary>
public static class SeedIncidentsCommand
{
    public const string Name = "seed-incidents";

    /// <returns>True when the arguments asked for the command and it ran: the caller exits instead of serving.</returns>
    public static async Task<bool> RunSeedIncidentsCommandAsync(this WebApplication app, string[] args)
    {
        var at = Array.IndexOf(args, Name);
        if (at < 0) return false;
        if (at + 1 >= args.Length || !int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            await Console.Error.WriteLineAsync($"Usage: {Name} <count>   e.g. dotnet run --project IncidentPortal -- {Name} 100000");
            Environment.ExitCode = 2;
            return true;
        }

        using var stopping = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };
        foreach (var migrator in app.Services.GetServices<IHostedService>().OfType<DatabaseMigrator>())
            await migrator.StartAsync(stopping.Token);
        try
        {
            await app.Services.GetRequiredService<BulkIncidentGenerator>().GenerateAsync(count, ct: stopping.Token);
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            Environment.ExitCode = 1;
        }
        return true;
    }
}
