using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IncidentPortal.Infrastructure.Data;

/// <summary>
/// Lets SQLite read the database file through memory mapping instead of a read() per page. List queries that visit
/// thousands of rows (the queue's text search) are several times faster at 100,000 incidents (IncidentPortal.Benchmarks);
/// SQLite's own page cache is 2 MB per connection, so without it such queries go to the operating system page by page.
/// 1 GiB is address space, not memory: pages are mapped as they are touched and shared with the OS cache.
/// </summary>
internal sealed class SqliteTuning : DbConnectionInterceptor
{
    public const long MemoryMapBytes = 1L << 30;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA mmap_size = {MemoryMapBytes};";
        command.ExecuteNonQuery();
    }
}
