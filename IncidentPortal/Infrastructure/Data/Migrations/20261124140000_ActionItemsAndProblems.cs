using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static IncidentPortal.Infrastructure.Data.Migrations.MigrationColumns;

namespace IncidentPortal.Infrastructure.Data.Migrations;

/// <summary>
/// Action items (Features/ActionItems) and problem records (Features/Problems). ActionItems.ReviewId has no foreign key
/// yet: the reviews table comes from another branch.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261124140000_ActionItemsAndProblems")]
public sealed class ActionItemsAndProblems : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.CreateTable("Problems", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: false),
            KnownError = t.Column<string>(maxLength: 4000, nullable: false),
            Workaround = t.Column<string>(maxLength: 4000, nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            CreatedById = t.Column<string>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            ResolvedAt = t.Column<DateTime>(nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Problems", x => x.Id);
            t.ForeignKey("FK_Problems_AspNetUsers_CreatedById", x => x.CreatedById, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_Problems_CreatedById", "Problems", "CreatedById");
        m.CreateIndex("IX_Problems_Status_UpdatedAt", "Problems", ["Status", "UpdatedAt"]);

        m.CreateTable("ProblemIncidents", t => new
        {
            ProblemId = t.Column<int>(nullable: false),
            IncidentId = t.Column<int>(nullable: false),
            LinkedById = t.Column<string>(nullable: true),
            LinkedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ProblemIncidents", x => new { x.ProblemId, x.IncidentId });
            t.ForeignKey("FK_ProblemIncidents_AspNetUsers_LinkedById", x => x.LinkedById, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_ProblemIncidents_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ProblemIncidents_Problems_ProblemId", x => x.ProblemId, "Problems", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ProblemIncidents_IncidentId", "ProblemIncidents", "IncidentId", unique: true);
        m.CreateIndex("IX_ProblemIncidents_LinkedById", "ProblemIncidents", "LinkedById");

        m.CreateTable("ActionItems", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            IncidentId = t.Column<int>(nullable: false),
            ReviewId = t.Column<int>(nullable: true),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            TeamId = t.Column<int>(nullable: true),
            OwnerId = t.Column<string>(nullable: true),
            DueDate = t.Column<DateTime>(nullable: true),
            Priority = t.Column<string>(maxLength: 20, nullable: false),
            Type = t.Column<string>(maxLength: 20, nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            ProblemId = t.Column<int>(nullable: true),
            CreatedById = t.Column<string>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            CompletedAt = t.Column<DateTime>(nullable: true),
            LastRemindedAt = t.Column<DateTime>(nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ActionItems", x => x.Id);
            t.ForeignKey("FK_ActionItems_AspNetUsers_CreatedById", x => x.CreatedById, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_ActionItems_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_ActionItems_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ActionItems_Problems_ProblemId", x => x.ProblemId, "Problems", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_ActionItems_Teams_TeamId", x => x.TeamId, "Teams", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_ActionItems_CreatedById", "ActionItems", "CreatedById");
        m.CreateIndex("IX_ActionItems_IncidentId_ReviewId", "ActionItems", ["IncidentId", "ReviewId"]);
        m.CreateIndex("IX_ActionItems_OwnerId_Status_DueDate", "ActionItems", ["OwnerId", "Status", "DueDate"]);
        m.CreateIndex("IX_ActionItems_ProblemId", "ActionItems", "ProblemId");
        m.CreateIndex("IX_ActionItems_Status_DueDate", "ActionItems", ["Status", "DueDate"]);
        m.CreateIndex("IX_ActionItems_TeamId", "ActionItems", "TeamId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ActionItems");
        migrationBuilder.DropTable("ProblemIncidents");
        migrationBuilder.DropTable("Problems");
    }
}
