using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IncidentPortal.Infrastructure.Data.Migrations;

/// <summary>The incident's expected resolution (ETA), shown to stakeholders on the internal status view.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261124150000_IncidentEta")]
public sealed class IncidentEta : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateTime>(name: "Eta", table: "Incidents", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "Eta", table: "Incidents");
}
