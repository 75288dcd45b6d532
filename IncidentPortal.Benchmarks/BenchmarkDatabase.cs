using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IncidentPortal.Benchmarks;

/// <summary>
/// The benchmark's SQLite database: the demo organisation plus 100,000 generated incidents, built once by the app's own
/// `seed-incidents` command and cached in the temp folder (keyed by the latest migration, so a schema change rebuilds
/// it). Each run works on a fresh copy, so the incidents the creation benchmark adds never pile up in the cache.
/// </summary>
internal static class BenchmarkDatabase
{
    public const int IncidentCount = 100_000;

    /// <summary>Bump when the generator changes what it writes.</summary>
    private const string GeneratorVersion = "g5";

    public static string CacheDirectory { get; } = Path.Combine(Path.GetTempPath(), "incidentportal-bench",
        $"{IncidentCount}-{GeneratorVersion}-{LatestMigration()}");

    private static string CachedFile => Path.Combine(CacheDirectory, "incidentportal.db");

    /// <summary>Builds the cached database unless it is there already.</summary>
    public static string EnsureCached()
    {
        var complete = Path.Combine(CacheDirectory, "complete");
        if (File.Exists(complete)) return CachedFile;

        if (Directory.Exists(CacheDirectory)) Directory.Delete(CacheDirectory, recursive: true);
        Directory.CreateDirectory(CacheDirectory);
        Console.WriteLine($"// Building the benchmark database ({IncidentCount:N0} incidents) in {CacheDirectory} ...");
        RunApp("seed-incidents", IncidentCount.ToString(System.Globalization.CultureInfo.InvariantCulture), "--environment=Production", "--applicationName=IncidentPortal",
            $"--Database:DataDirectory={CacheDirectory}", "--DemoData:Seed=true",
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:IncidentPortal.Features.DemoData=Information");
        if (Environment.ExitCode != 0) throw new InvalidOperationException($"seed-incidents failed with exit code {Environment.ExitCode}.");

        // Fold the write-ahead log into the file, so copying the one file copies everything.
        using (var connection = new SqliteConnection($"Data Source={CachedFile}"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        File.WriteAllText(complete, DateTime.UtcNow.ToString("O"));
        return CachedFile;
    }

    /// <summary>A fresh copy of the cached database; returns its connection string.</summary>
    public static string WorkingCopy(string name)
    {
        var source = EnsureCached();
        var directory = Path.Combine(Path.GetTempPath(), "incidentportal-bench", "work-" + name);
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "incidentportal.db");
        File.Copy(source, file);
        return $"Data Source={file}";
    }

    public static void DeleteWorkingCopy(string name)
    {
        SqliteConnection.ClearAllPools();
        var directory = Path.Combine(Path.GetTempPath(), "incidentportal-bench", "work-" + name);
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    /// <summary>Runs the web app's Main in this process, exactly as `dotnet IncidentPortal.dll args` would.</summary>
    private static void RunApp(params string[] args)
    {
        var main = typeof(Program).Assembly.EntryPoint ?? throw new InvalidOperationException("IncidentPortal has no entry point.");
        var result = main.Invoke(null, main.GetParameters().Length == 0 ? [] : [args]);
        if (result is Task task) task.GetAwaiter().GetResult();
    }

    private static string LatestMigration() => typeof(Program).Assembly.GetTypes()
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id).Where(id => id is not null).Max()!.Split('_')[0];
}
