using IncidentPortal.Features.Routing;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IncidentPortal.Infrastructure.Data.Migrations;

/// <summary>
/// Routing rules (<see cref="RoutingRule"/>), each team's auto-assignment mode and round-robin turn, and agents'
/// availability for auto-assigned work.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261124020000_RoutingAndAutoAssignment")]
public sealed class RoutingAndAutoAssignment : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.CreateTable("RoutingRules", t => new
        {
            Id = MigrationColumns.Identity(t.Column<int>(nullable: false)),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            IsEnabled = t.Column<bool>(nullable: false),
            Position = t.Column<int>(nullable: false),
            TeamId = t.Column<int>(nullable: false),
            RaisePriorityTo = t.Column<string>(maxLength: 2, nullable: true),
            CategoryIds = t.Column<string>(maxLength: 2000, nullable: false),
            ServiceIds = t.Column<string>(maxLength: 2000, nullable: false),
            Priorities = t.Column<string>(maxLength: 2000, nullable: false),
            Sources = t.Column<string>(maxLength: 2000, nullable: false),
            Keywords = t.Column<string>(maxLength: 2000, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_RoutingRules", x => x.Id);
            t.ForeignKey("FK_RoutingRules_Teams_TeamId", x => x.TeamId, "Teams", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_RoutingRules_Name", "RoutingRules", "Name", unique: true);
        m.CreateIndex("IX_RoutingRules_TeamId", "RoutingRules", "TeamId");

        m.CreateTable("TeamAutoAssignments", t => new
        {
            TeamId = t.Column<int>(nullable: false),
            Mode = t.Column<string>(maxLength: 20, nullable: false),
            LastAssigneeId = t.Column<string>(nullable: true),
            Turn = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_TeamAutoAssignments", x => x.TeamId);
            t.ForeignKey("FK_TeamAutoAssignments_Teams_TeamId", x => x.TeamId, "Teams", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_TeamAutoAssignments_AspNetUsers_LastAssigneeId", x => x.LastAssigneeId, "AspNetUsers", "Id",
                onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_TeamAutoAssignments_LastAssigneeId", "TeamAutoAssignments", "LastAssigneeId");

        m.CreateTable("AgentAvailability", t => new
        {
            UserId = t.Column<string>(nullable: false),
            IsAvailable = t.Column<bool>(nullable: false),
            ChangedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AgentAvailability", x => x.UserId);
            t.ForeignKey("FK_AgentAvailability_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("AgentAvailability");
        migrationBuilder.DropTable("TeamAutoAssignments");
        migrationBuilder.DropTable("RoutingRules");
    }
}
