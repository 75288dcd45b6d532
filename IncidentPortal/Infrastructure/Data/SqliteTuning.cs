using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IncidentPortal.Infrastructure.Data;

/// <summary>
/// Lets SQLite read the database file through memory mapping instead of a read() per page. List queries that visit
/// thousands of rows (the queue's text search) are several times faster at 100,000 incidents (IncidentPortal.Benchmarks);
/// SQLite's own page cache is 2 MB per connection, so without it such queries go to the operating system page by page.
/// </summary>
internal sealed class SqliteTuning : DbConnectionInterceptor
{
    /// <summary>1 GiB of address space, not memory: pages are mapped as they are touched and shared with the OS cache.</summary>
    private const string Pragmas = "PRAGMA mmap_size = 1073741824;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
