using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentPortal.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Duplicates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DuplicateOfId",
                table: "Incidents",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_DuplicateOfId",
                table: "Incidents",
                column: "DuplicateOfId");

            migrationBuilder.AddForeignKey(
                name: "FK_Incidents_Incidents_DuplicateOfId",
                table: "Incidents",
                column: "DuplicateOfId",
                principalTable: "Incidents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Incidents_Incidents_DuplicateOfId",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_DuplicateOfId",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "DuplicateOfId",
                table: "Incidents");
        }
    }
}
