using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IncidentPortal.Infrastructure.Data;

/// <summary>
/// Per-connection SQLite settings, applied whenever a connection opens (they are not stored in the file).
/// <list type="bullet">
/// <item><c>busy_timeout</c>: SQLite itself waits (in short steps) for a competing writer, instead of failing at once
/// and being retried by the ADO.NET provider after a fixed 150 ms sleep: concurrent incident creation stays quick.</item>
/// <item><c>mmap_size</c>: reads go through memory mapping instead of a read() per page. List queries that visit
/// thousands of rows (the queue's text search) are several times faster at 100,000 incidents (IncidentPortal.Benchmarks);
/// SQLite's own page cache is 2 MB per connection. 1 GiB is address space, not memory: pages are mapped as they are
/// touched and shared with the OS cache.</item>
/// </list>
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 10_000;
    public const long MemoryMapBytes = 1L << 30;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>For connections opened outside EF (the alert writer's own connection).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Only this class's constants are interpolated.")]
    public static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA mmap_size = {MemoryMapBytes};";
        command.ExecuteNonQuery();
    }
}
