using System.Data;
using System.Data.Common;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Alerts;

/// <summary>
/// The alert writer's own database connection, open for as long as the writer runs: each batch's context borrows it,
/// so a batch neither opens a connection nor re-applies its settings, and <see cref="AlertRows"/> stay prepared.
/// Dropped after any failure; the next batch opens a fresh one.
/// </summary>
internal sealed class AlertWriterConnection : IAsyncDisposable
{
    private DbConnection? connection;
    private AlertRows? rows;

    /// <summary>Points <paramref name="db"/> at the writer's connection (opening it if needed); returns its statements.</summary>
    public async Task<AlertRows> AttachAsync(AppDbContext db, CancellationToken ct)
    {
        if (connection is not { State: ConnectionState.Open } || rows is null)
        {
            await ResetAsync();
            var created = DbProviderFactories.GetFactory(db.Database.GetDbConnection())?.CreateConnection()
                          ?? throw new InvalidOperationException("The database provider cannot create connections.");
            created.ConnectionString = db.Database.GetConnectionString();
            await created.OpenAsync(ct);
            if (db.Database.IsSqlite())
            {
                SqliteConnectionSettings.Apply(created);
                SqliteCheckpointer.TakeOver(created);
            }
            (connection, rows) = (created, new AlertRows(created));
        }
        db.Database.SetDbConnection(connection, contextOwnsConnection: false);
        return rows;
    }

    public async Task ResetAsync()
    {
        rows?.Dispose();
        rows = null;
        if (connection is not null) await connection.DisposeAsync();
        connection = null;
    }

    public ValueTask DisposeAsync() => new(ResetAsync());
}
