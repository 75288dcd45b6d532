using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace IncidentPortal.Tests.Support;

/// <summary>
/// What a new migration would have to do: the differences between the model snapshot and the model, as EF's
/// HasPendingModelChanges() computes them, one line per operation ("AddColumn Teams.Colour").
/// </summary>
public static class PendingModelChanges
{
    public static IReadOnlyList<string> List(DbContext db)
    {
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot
            ?? throw new InvalidOperationException("No model snapshot: Infrastructure/Data/Migrations/AppDbContextModelSnapshot.cs is missing.");
        var snapshotModel = db.GetService<IModelRuntimeInitializer>().Initialize(snapshot.Model);
        return db.GetService<IMigrationsModelDiffer>()
            .GetDifferences(snapshotModel.GetRelationalModel(), db.GetService<IDesignTimeModel>().Model.GetRelationalModel())
            .Select(Describe)
            .ToList();
    }

    private static string Describe(MigrationOperation operation)
    {
        var kind = operation.GetType().Name.Replace("Operation", "", StringComparison.Ordinal);
        return operation switch
        {
            ColumnOperation column when operation is AddColumnOperation or AlterColumnOperation => $"{kind} {column.Table}.{column.Name}",
            DropColumnOperation column => $"{kind} {column.Table}.{column.Name}",
            ITableMigrationOperation table => $"{kind} {table.Table}",
            _ => kind,
        };
    }
}
