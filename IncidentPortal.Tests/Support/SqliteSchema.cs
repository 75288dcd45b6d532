using Microsoft.Data.Sqlite;

namespace IncidentPortal.Tests.Support;

/// <summary>
/// A SQLite database's schema as <see cref="SchemaFacts"/> ("Incidents: column Title TEXT NOT NULL"),
/// read with PRAGMA table_info, index_list/index_info and foreign_key_list.
/// </summary>
public static class SqliteSchema
{
    public static async Task<SortedSet<string>> ReadFactsAsync(string databaseFile)
    {
        await using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        var tables = await QueryAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'",
            r => (Name: r.GetString(0), Sql: r.GetString(1)));
        foreach (var (table, sql) in tables)
        {
            facts.Add($"{table}: table");
            if (sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)) facts.Add($"{table}: AUTOINCREMENT key");
            await AddColumnsAsync(connection, table, facts);
            await AddIndexesAsync(connection, table, facts);
            await AddForeignKeysAsync(connection, table, facts);
        }
        return facts;
    }

    private static async Task AddColumnsAsync(SqliteConnection connection, string table, SortedSet<string> facts)
    {
        // table_info: cid, name, type, notnull, dflt_value, pk (position in the primary key, 0 if not in it).
        var columns = await QueryAsync(connection, $"PRAGMA table_info(\"{table}\")",
            r => (Name: r.GetString(1), Type: r.GetString(2), NotNull: r.GetInt64(3) == 1, Pk: r.GetInt64(5)));
        foreach (var c in columns)
            facts.Add($"{table}: column {c.Name} {c.Type} {(c.NotNull ? "NOT NULL" : "NULL")}{(c.Pk > 0 ? $" PRIMARY KEY #{c.Pk}" : "")}");
    }

    private static async Task AddIndexesAsync(SqliteConnection connection, string table, SortedSet<string> facts)
    {
        // index_list: seq, name, unique, origin (c = CREATE INDEX, u = UNIQUE constraint, pk = primary key), partial.
        var indexes = await QueryAsync(connection, $"PRAGMA index_list(\"{table}\")",
            r => (Name: r.GetString(1), Unique: r.GetInt64(2) == 1, Origin: r.GetString(3)));
        foreach (var index in indexes.Where(i => i.Origin != "pk"))
        {
            // index_info: seqno, cid, name; in key order.
            var columns = await QueryAsync(connection, $"PRAGMA index_info(\"{index.Name}\")",
                r => (Seq: r.GetInt64(0), Name: r.GetString(2)));
            var ordered = string.Join(", ", columns.OrderBy(c => c.Seq).Select(c => c.Name));
            facts.Add($"{table}: {(index.Unique ? "unique " : "")}index {index.Name} ({ordered})");
        }
    }

    private static async Task AddForeignKeysAsync(SqliteConnection connection, string table, SortedSet<string> facts)
    {
        // foreign_key_list: id, seq, table, from, to, on_update, on_delete, match.
        var keys = await QueryAsync(connection, $"PRAGMA foreign_key_list(\"{table}\")",
            r => (Table: r.GetString(2), From: r.GetString(3), To: r.GetString(4), OnDelete: r.GetString(6)));
        foreach (var key in keys)
            facts.Add($"{table}: foreign key ({key.From}) -> {key.Table}({key.To}) ON DELETE {key.OnDelete}");
    }

    private static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }
}
