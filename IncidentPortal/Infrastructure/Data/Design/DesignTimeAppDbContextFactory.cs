using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IncidentPortal.Infrastructure.Data.Design;

/// <summary>
/// The context `dotnet ef` works with (docs/migrations.md), so the tools never build the web host: no configuration,
/// no data folder, and always the same provider, whatever appsettings a developer runs the app with.
/// SQLite on an in-memory database by default: `migrations add`, `remove`, `script` and `has-pending-model-changes`
/// need no database. After `--`, `--provider Postgres` and `--connection "…"` choose another one
/// (`dotnet ef migrations script --idempotent -- --provider Postgres` prints the PostgreSQL script).
/// </summary>
internal sealed class DesignTimeAppDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var provider = Enum.Parse<DatabaseProvider>(Argument(args, "--provider") ?? nameof(DatabaseProvider.Sqlite), ignoreCase: true);
        var connection = Argument(args, "--connection");
        var options = new DbContextOptionsBuilder<AppDbContext>();
        _ = provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connection ?? "Data Source=:memory:"),
            // Generating a script or diffing the model contacts no server; the placeholder host makes any attempt fail loudly.
            DatabaseProvider.Postgres => options.UseNpgsql(connection ?? "Host=no-server-given.invalid;Database=incidentportal"),
            _ => throw new ArgumentException($"Unknown --provider '{provider}'."),
        };
        return new AppDbContext(options.Options);
    }

    private static string? Argument(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
