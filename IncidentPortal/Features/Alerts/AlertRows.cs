using System.Data.Common;

namespace IncidentPortal.Features.Alerts;

/// <summary>
/// The alert writer's hot path in hand-written SQL, prepared once per writer connection: an alert that is already
/// stored taking a repeat, an acknowledgement or a resolve (most of what monitoring sends), and pruning its old
/// occurrences. Through EF each such row cost SQL generation and a fresh statement preparation in every batch
/// (Microsoft.Data.Sqlite keeps no statement cache), most of the writer's time. The entity still decides every value
/// (<see cref="Alert.Repeat"/> and friends); this only stores them. Columns mirror <see cref="AlertConfiguration"/>.
/// </summary>
internal sealed class AlertRows(DbConnection connection) : IDisposable
{
    private readonly DbCommand update = Prepare(connection, """
        UPDATE "Alerts" SET "Status" = @status, "Summary" = @summary, "Severity" = @severity, "Source" = @source,
            "Component" = @component, "Service" = @service, "Link" = @link, "LabelsJson" = @labels, "DetailsJson" = @details,
            "StartsAt" = @startsAt, "LastSeenAt" = @lastSeenAt, "AcknowledgedAt" = @acknowledgedAt, "ResolvedAt" = @resolvedAt,
            "OccurrenceCount" = @count
        WHERE "Id" = @id
        """, "status", "summary", "severity", "source", "component", "service", "link", "labels", "details", "startsAt",
        "lastSeenAt", "acknowledgedAt", "resolvedAt", "count", "id");

    private readonly DbCommand insertOccurrence = Prepare(connection, """
        INSERT INTO "AlertOccurrences" ("AlertId", "Sequence", "At", "Action", "Summary", "Severity")
        VALUES (@alertId, @sequence, @at, @action, @summary, @severity)
        """, "alertId", "sequence", "at", "action", "summary", "severity");

    private readonly DbCommand prune = Prepare(connection,
        """DELETE FROM "AlertOccurrences" WHERE "AlertId" = @alertId AND "Sequence" <= @upTo""", "alertId", "upTo");

    /// <summary>Stores a loaded (untracked) alert's new state and the occurrences it recorded in this batch.</summary>
    public async Task SaveAsync(DbTransaction transaction, Alert alert, CancellationToken ct)
    {
        await RunAsync(update, transaction, ct, alert.Status.ToString(), alert.Summary, alert.Severity.ToString(), alert.Source,
            alert.Component, alert.Service, alert.Link, alert.LabelsJson, alert.DetailsJson, alert.StartsAt, alert.LastSeenAt,
            alert.AcknowledgedAt, alert.ResolvedAt, alert.OccurrenceCount, alert.Id);
        foreach (var occurrence in alert.Occurrences)
        {
            await RunAsync(insertOccurrence, transaction, ct, alert.Id, occurrence.Sequence, occurrence.At, occurrence.Action.ToString(),
                occurrence.Summary, occurrence.Severity.ToString());
        }
    }

    /// <summary>Keeps the last <see cref="Alert.KeptOccurrences"/> occurrences; the count stays exact.</summary>
    public async Task PruneAsync(DbTransaction transaction, Alert alert, CancellationToken ct)
    {
        if (alert.OccurrenceCount > Alert.KeptOccurrences)
            await RunAsync(prune, transaction, ct, alert.Id, alert.OccurrenceCount - Alert.KeptOccurrences);
    }

    public void Dispose()
    {
        update.Dispose();
        insertOccurrence.Dispose();
        prune.Dispose();
    }

    private static async Task RunAsync(DbCommand command, DbTransaction transaction, CancellationToken ct, params object?[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        await command.ExecuteNonQueryAsync(ct);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "The SQL is this class's own constant text; values go in parameters.")]
    private static DbCommand Prepare(DbConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
