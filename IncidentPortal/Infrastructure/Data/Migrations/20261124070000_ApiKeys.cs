using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace IncidentPortal.Infrastructure.Data.Migrations;

/// <summary>Personal API keys for the REST API (Features/Api/Keys): only the secret's SHA-256 hash is stored.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261124070000_ApiKeys")]
public sealed class ApiKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.CreateTable("ApiKeys", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            UserId = t.Column<string>(nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            Scope = t.Column<string>(maxLength: 20, nullable: false),
            DisplayPrefix = t.Column<string>(maxLength: 12, nullable: false),
            Hash = t.Column<string>(maxLength: 64, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ExpiresAt = t.Column<DateTime>(nullable: true),
            LastUsedAt = t.Column<DateTime>(nullable: true),
            RevokedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ApiKeys", x => x.Id);
            t.ForeignKey("FK_ApiKeys_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ApiKeys_Hash", "ApiKeys", "Hash", unique: true);
        m.CreateIndex("IX_ApiKeys_UserId", "ApiKeys", "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ApiKeys");

    private static OperationBuilder<AddColumnOperation> Identity(OperationBuilder<AddColumnOperation> column) => column
        .Annotation("Sqlite:Autoincrement", true)
        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
