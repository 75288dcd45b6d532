using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IncidentPortal.Infrastructure.Data;

/// <summary>
/// Lets SQLite itself wait (in short steps) for a competing writer, instead of failing at once and being retried
/// by the ADO.NET provider after a fixed 150 ms sleep: concurrent incident creation stays quick.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public const int Milliseconds = 10_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {Milliseconds};";
        command.ExecuteNonQuery();
    }
}
