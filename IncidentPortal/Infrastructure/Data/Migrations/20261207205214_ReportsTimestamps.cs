using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentPortal.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportsTimestamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ElapsedSeconds",
                table: "SlaClocks",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAt",
                table: "Incidents",
                nullable: true);

            // Incidents cancelled before the column existed: the moment is on their timeline.
            migrationBuilder.Sql("""
                UPDATE "Incidents" SET "CancelledAt" = (SELECT MAX(a."At") FROM "IncidentActivities" a
                    WHERE a."IncidentId" = "Incidents"."Id" AND a."Kind" = 'StatusChanged' AND a."NewValue" = 'Cancelled')
                WHERE "Status" = 'Cancelled';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_SlaClocks_StoppedAt_Kind",
                table: "SlaClocks",
                columns: new[] { "StoppedAt", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_CancelledAt",
                table: "Incidents",
                column: "CancelledAt");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_CreatedAt",
                table: "Incidents",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_FirstResponseAt",
                table: "Incidents",
                column: "FirstResponseAt");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ResolvedAt",
                table: "Incidents",
                column: "ResolvedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SlaClocks_StoppedAt_Kind",
                table: "SlaClocks");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_CancelledAt",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_CreatedAt",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_FirstResponseAt",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_ResolvedAt",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "ElapsedSeconds",
                table: "SlaClocks");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "Incidents");
        }
    }
}
