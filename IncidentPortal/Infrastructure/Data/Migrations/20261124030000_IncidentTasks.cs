using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static IncidentPortal.Infrastructure.Data.Migrations.MigrationColumns;

namespace IncidentPortal.Infrastructure.Data.Migrations;

/// <summary>Tasks inside an incident (Features/Tasks): who does what by when, and whether it is done.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261124030000_IncidentTasks")]
public sealed class IncidentTasks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.CreateTable("IncidentTasks", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            IncidentId = t.Column<int>(nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: false),
            TeamId = t.Column<int>(nullable: true),
            OwnerId = t.Column<string>(nullable: true),
            DueAt = t.Column<DateTime>(nullable: true),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            CompletionNote = t.Column<string>(maxLength: 1000, nullable: true),
            CreatedById = t.Column<string>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            CompletedAt = t.Column<DateTime>(nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_IncidentTasks", x => x.Id);
            t.ForeignKey("FK_IncidentTasks_AspNetUsers_CreatedById", x => x.CreatedById, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_IncidentTasks_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_IncidentTasks_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_IncidentTasks_Teams_TeamId", x => x.TeamId, "Teams", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_IncidentTasks_CreatedById", "IncidentTasks", "CreatedById");
        m.CreateIndex("IX_IncidentTasks_IncidentId_Status", "IncidentTasks", ["IncidentId", "Status"]);
        m.CreateIndex("IX_IncidentTasks_OwnerId_Status_DueAt", "IncidentTasks", ["OwnerId", "Status", "DueAt"]);
        m.CreateIndex("IX_IncidentTasks_TeamId_Status_DueAt", "IncidentTasks", ["TeamId", "Status", "DueAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("IncidentTasks");
}
