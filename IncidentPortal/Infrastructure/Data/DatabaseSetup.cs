using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IncidentPortal.Infrastructure.Data;

public static class DatabaseSetup
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        var connectionString = options.ResolveConnectionString();
        if (options.Provider == DatabaseProvider.Sqlite) EnsureSqliteFolder(connectionString);

        builder.Services.AddDbContextFactory<AppDbContext>((services, db) =>
        {
            if (services.GetService<Outbox.OutboxSignal>() is { } outboxSignal) db.AddInterceptors(new Outbox.OutboxSaveInterceptor(outboxSignal));
            _ = options.Provider switch
            {
                DatabaseProvider.Sqlite => db.UseSqlite(connectionString).AddInterceptors(new SqliteConnectionSettings()),
                DatabaseProvider.Postgres => db.UseNpgsql(connectionString),
                _ => throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'."),
            };
            // A model change without a migration is caught by the tests (ModelSnapshotTests for both providers,
            // MigrationSchemaTests); start-up applies the migrations as they are instead of refusing to run (EF's default).
            db.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        builder.Services.AddHostedService<DatabaseMigrator>();
        if (options.Provider == DatabaseProvider.Sqlite) builder.Services.AddHostedService<SqliteCheckpointer>();
        // Cookie and antiforgery keys outlive restarts, so a restart never signs everyone out.
        builder.Services.AddDataProtection()
            .SetApplicationName("IncidentPortal")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(options.DataDirectory), "keys")));
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return builder;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
