using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace IncidentPortal.Infrastructure.Data.Design;

/// <summary>
/// The operations `migrations add` writes, made to serve both providers as the hand-written migrations do:
/// <list type="bullet">
/// <item>A column's type is left out where the provider infers that type from the CLR type and facets anyway (SQLite's
/// TEXT, INTEGER); each provider then picks its own. A type the model configures stays in the migration's target model,
/// where each provider reads it when it generates the SQL.</item>
/// <item>A key numbered by the database gets both providers' annotations, as MigrationColumns.Identity gives them.</item>
/// </list>
/// Used by the tools only (ProviderNeutralDesignTimeServices); the app's own differ is untouched.
/// </summary>
internal sealed class ProviderNeutralMigrationsModelDiffer(IMigrationsModelDiffer differ, IRelationalTypeMappingSource typeMappings)
    : IMigrationsModelDiffer
{
    private const string SqliteAutoincrement = "Sqlite:Autoincrement";
    private const string NpgsqlValueGenerationStrategy = "Npgsql:ValueGenerationStrategy";

    public bool HasDifferences(IRelationalModel? source, IRelationalModel? target) => differ.HasDifferences(source, target);

    public IReadOnlyList<MigrationOperation> GetDifferences(IRelationalModel? source, IRelationalModel? target)
    {
        var operations = differ.GetDifferences(source, target);
        foreach (var column in operations.SelectMany(Columns)) MakeNeutral(column);
        return operations;
    }

    private static IEnumerable<ColumnOperation> Columns(MigrationOperation operation) => operation switch
    {
        CreateTableOperation table => table.Columns,
        AlterColumnOperation alter => [alter, alter.OldColumn],
        ColumnOperation column => [column],
        _ => [],
    };

    private void MakeNeutral(ColumnOperation column)
    {
        if (column.ColumnType is not null && column.ColumnType == InferredType(column)) column.ColumnType = null;
        if (IsIdentity(column))
        {
            column[SqliteAutoincrement] = true;
            column[NpgsqlValueGenerationStrategy] = Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn;
        }
    }

    /// <summary>The type the provider gives a column that names none (MigrationsSqlGenerator.GetColumnType does the same).</summary>
    private string? InferredType(ColumnOperation column) => typeMappings.FindMapping(
        column.ClrType, storeTypeName: null, keyOrIndex: false, column.IsUnicode, column.MaxLength, column.IsRowVersion,
        column.IsFixedLength, column.Precision, column.Scale)?.StoreType;

    private static bool IsIdentity(ColumnOperation column) =>
        column[SqliteAutoincrement] is true
        || column[NpgsqlValueGenerationStrategy] is Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn;
}
