using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace IncidentPortal.Infrastructure.Data.Migrations;

/// <summary>Column annotations every hand-written migration needs, for both providers.</summary>
internal static class MigrationColumns
{
    /// <summary>An auto-numbered key: AUTOINCREMENT on SQLite (ids never reused), an identity column on PostgreSQL.</summary>
    public static OperationBuilder<AddColumnOperation> Identity(OperationBuilder<AddColumnOperation> column) => column
        .Annotation("Sqlite:Autoincrement", true)
        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
