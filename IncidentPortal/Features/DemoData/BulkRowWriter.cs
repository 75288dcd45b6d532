using System.Data.Common;
using System.Globalization;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace IncidentPortal.Features.DemoData;

/// <summary>
/// Inserts entities of one type with a single prepared INSERT, columns and value conversions taken from the EF model,
/// so it follows the mapping on every provider. SaveChanges tracks and re-reads every row, which makes bulk loads
/// of hundreds of thousands of rows many times slower; this writes them at the speed of the driver.
/// </summary>
internal sealed class BulkRowWriter : IDisposable
{
    private readonly DbCommand command;
    private readonly IReadOnlyList<(IProperty Property, RelationalTypeMapping Mapping, string Name)> columns;
    private readonly IProperty? generatedKey;

    private BulkRowWriter(DbCommand command, IReadOnlyList<(IProperty, RelationalTypeMapping, string)> columns, IProperty? generatedKey)
    {
        this.command = command;
        this.columns = columns;
        this.generatedKey = generatedKey;
    }

    /// <summary>A writer for <typeparamref name="T"/> on the context's open connection and current transaction.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Table and column names come from the EF model, quoted by the provider; values go in parameters.")]
    public static BulkRowWriter For<T>(AppDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var key = entity.FindPrimaryKey()?.Properties is [var single] && single.ValueGenerated == ValueGenerated.OnAdd ? single : null;
        var columns = entity.GetProperties().Where(p => p != key)
            .Select((p, index) => (p, p.GetRelationalTypeMapping(), $"@p{index}")).ToList();

        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} "
            + $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.p.GetColumnName(table)!)))}) "
            + $"VALUES ({string.Join(", ", columns.Select(c => c.Item3))})"
            + (key is null ? "" : $" RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}");
        return new BulkRowWriter(command, columns, key);
    }

    /// <summary>Inserts <paramref name="entity"/>; <paramref name="overrides"/> replace property values (e.g. a parent's new key).</summary>
    /// <returns>The generated key, or null when the table has none.</returns>
    public async Task<long?> InsertAsync(object entity, IReadOnlyDictionary<string, object?>? overrides, CancellationToken ct)
    {
        command.Parameters.Clear();
        foreach (var (property, mapping, name) in columns)
        {
            var value = overrides is not null && overrides.TryGetValue(property.Name, out var replaced) ? replaced : property.GetGetter().GetClrValueUsingContainingEntity(entity);
            command.Parameters.Add(mapping.CreateParameter(command, name, value, property.IsNullable));
        }
        if (generatedKey is null)
        {
            await command.ExecuteNonQueryAsync(ct);
            return null;
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    public void Dispose() => command.Dispose();
}
