using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static IncidentPortal.Infrastructure.Data.Migrations.MigrationColumns;

namespace IncidentPortal.Infrastructure.Data.Migrations;

/// <summary>
/// ActionItems.ReviewId gets its foreign key to IncidentReviews (the two tables came from separate branches).
/// SQLite cannot add a foreign key to a table, and EF rebuilds a table for AddForeignKey only from a migration's target
/// model, which hand-written migrations do not have (it throws NotSupportedException): so on SQLite this migration
/// rebuilds ActionItems itself, as SQLite documents (create the new table, copy the rows, drop the old, rename).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261124160000_ActionItemReviewForeignKey")]
public sealed class ActionItemReviewForeignKey : Migration
{
    private const string Key = "FK_ActionItems_IncidentReviews_ReviewId";
    private const string ReviewIndex = "IX_ActionItems_ReviewId";
    private const string Rebuilt = "ActionItems_rebuilt";
    private const string Columns = "\"Id\", \"IncidentId\", \"ReviewId\", \"Title\", \"TeamId\", \"OwnerId\", \"DueDate\", \"Priority\", \"Type\", "
        + "\"Status\", \"ProblemId\", \"CreatedById\", \"CreatedAt\", \"UpdatedAt\", \"CompletedAt\", \"LastRemindedAt\", \"Version\"";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Nothing kept ReviewId honest until now: an item pointing at no review keeps its incident and loses only the
        // dangling link (it then shows among the incident's items), rather than the new key refusing the migration.
        migrationBuilder.Sql("UPDATE \"ActionItems\" SET \"ReviewId\" = NULL WHERE \"ReviewId\" IS NOT NULL "
            + "AND \"ReviewId\" NOT IN (SELECT \"Id\" FROM \"IncidentReviews\");");
        if (migrationBuilder.IsSqlite())
        {
            Rebuild(migrationBuilder, withReviewKey: true);
            return;
        }
        migrationBuilder.AddForeignKey(Key, "ActionItems", "ReviewId", "IncidentReviews", principalColumn: "Id",
            onDelete: ReferentialAction.NoAction);
        migrationBuilder.CreateIndex(ReviewIndex, "ActionItems", "ReviewId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            Rebuild(migrationBuilder, withReviewKey: false);
            return;
        }
        migrationBuilder.DropForeignKey(Key, "ActionItems");
        migrationBuilder.DropIndex(ReviewIndex, "ActionItems");
    }

    /// <summary>ActionItems as of this migration, with or without the review key, keeping every row, id and the id counter.</summary>
    private static void Rebuild(MigrationBuilder m, bool withReviewKey)
    {
        m.CreateTable(Rebuilt, t => new
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
            if (withReviewKey) t.ForeignKey(Key, x => x.ReviewId, "IncidentReviews", "Id", onDelete: ReferentialAction.NoAction);
        });
        m.Sql($"INSERT INTO \"{Rebuilt}\" ({Columns}) SELECT {Columns} FROM \"ActionItems\";");
        // AUTOINCREMENT promises ids are never reused: carry the counter over (it may be above the highest id left).
        m.Sql($"DELETE FROM sqlite_sequence WHERE name = '{Rebuilt}';");
        m.Sql($"INSERT INTO sqlite_sequence (name, seq) SELECT '{Rebuilt}', seq FROM sqlite_sequence WHERE name = 'ActionItems';");
        m.DropTable("ActionItems");
        m.RenameTable(Rebuilt, newName: "ActionItems");
        m.CreateIndex("IX_ActionItems_CreatedById", "ActionItems", "CreatedById");
        m.CreateIndex("IX_ActionItems_IncidentId_ReviewId", "ActionItems", ["IncidentId", "ReviewId"]);
        m.CreateIndex("IX_ActionItems_OwnerId_Status_DueDate", "ActionItems", ["OwnerId", "Status", "DueDate"]);
        m.CreateIndex("IX_ActionItems_ProblemId", "ActionItems", "ProblemId");
        m.CreateIndex("IX_ActionItems_Status_DueDate", "ActionItems", ["Status", "DueDate"]);
        m.CreateIndex("IX_ActionItems_TeamId", "ActionItems", "TeamId");
        if (withReviewKey) m.CreateIndex(ReviewIndex, "ActionItems", "ReviewId");
    }
}
