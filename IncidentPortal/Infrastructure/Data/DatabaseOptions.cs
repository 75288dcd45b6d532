namespace IncidentPortal.Infrastructure.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>The "Database" section of appsettings.json.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder of the SQLite file; relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>For Sqlite, optional (defaults to DataDirectory/incidentportal.db); for Postgres, required.</summary>
    public string? ConnectionString { get; set; }

    public string ResolveConnectionString() => Provider switch
    {
        DatabaseProvider.Sqlite => string.IsNullOrWhiteSpace(ConnectionString)
            ? $"Data Source={Path.Combine(Path.GetFullPath(DataDirectory), "incidentportal.db")}"
            : ConnectionString,
        DatabaseProvider.Postgres => string.IsNullOrWhiteSpace(ConnectionString)
            ? throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is Postgres.")
            : ConnectionString,
        _ => throw new InvalidOperationException($"Unknown Database:Provider '{Provider}'."),
    };
}
