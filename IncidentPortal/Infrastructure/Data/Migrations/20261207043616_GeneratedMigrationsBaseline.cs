using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentPortal.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Changes nothing. EF takes the model a migration starts from out of the previous migration's target model
    /// (.Designer.cs), and the hand-written migrations have none. This one's equals the model snapshot, so for the first
    /// generated migration `dotnet ef migrations remove` restores the snapshot instead of emptying it, and its Down can
    /// rebuild a SQLite table (DropColumn, AlterColumn…). See docs/migrations.md.
    /// </summary>
    public partial class GeneratedMigrationsBaseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
