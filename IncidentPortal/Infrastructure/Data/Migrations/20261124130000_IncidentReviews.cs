using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static IncidentPortal.Infrastructure.Data.Migrations.MigrationColumns;

namespace IncidentPortal.Infrastructure.Data.Migrations;

/// <summary>Post-incident reviews (Features/Reviews): sections with their revisions, reviewers, comments, and the template.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261124130000_IncidentReviews")]
public sealed class IncidentReviews : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.CreateTable("IncidentReviews", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            IncidentId = t.Column<int>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            AuthorId = t.Column<string>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            PublishedAt = t.Column<DateTime>(nullable: true),
            SharedWithReporter = t.Column<bool>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_IncidentReviews", x => x.Id);
            t.ForeignKey("FK_IncidentReviews_AspNetUsers_AuthorId", x => x.AuthorId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_IncidentReviews_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_IncidentReviews_AuthorId", "IncidentReviews", "AuthorId");
        m.CreateIndex("IX_IncidentReviews_IncidentId", "IncidentReviews", "IncidentId", unique: true);

        m.CreateTable("ReviewReviewers", t => new
        {
            ReviewId = t.Column<int>(nullable: false),
            UserId = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ReviewReviewers", x => new { x.ReviewId, x.UserId });
            t.ForeignKey("FK_ReviewReviewers_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ReviewReviewers_IncidentReviews_ReviewId", x => x.ReviewId, "IncidentReviews", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ReviewReviewers_UserId", "ReviewReviewers", "UserId");

        m.CreateTable("ReviewSections", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            ReviewId = t.Column<int>(nullable: false),
            Key = t.Column<string>(maxLength: 50, nullable: false),
            Title = t.Column<string>(maxLength: 100, nullable: false),
            Prompt = t.Column<string>(maxLength: 500, nullable: false),
            Position = t.Column<int>(nullable: false),
            Body = t.Column<string>(maxLength: 20000, nullable: false),
            Version = t.Column<int>(nullable: false),
            UpdatedById = t.Column<string>(nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ReviewSections", x => x.Id);
            t.ForeignKey("FK_ReviewSections_AspNetUsers_UpdatedById", x => x.UpdatedById, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_ReviewSections_IncidentReviews_ReviewId", x => x.ReviewId, "IncidentReviews", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ReviewSections_ReviewId_Key", "ReviewSections", ["ReviewId", "Key"], unique: true);
        m.CreateIndex("IX_ReviewSections_UpdatedById", "ReviewSections", "UpdatedById");

        m.CreateTable("ReviewSectionRevisions", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            SectionId = t.Column<int>(nullable: false),
            Number = t.Column<int>(nullable: false),
            Body = t.Column<string>(maxLength: 20000, nullable: false),
            SavedById = t.Column<string>(nullable: true),
            SavedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ReviewSectionRevisions", x => x.Id);
            t.ForeignKey("FK_ReviewSectionRevisions_AspNetUsers_SavedById", x => x.SavedById, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_ReviewSectionRevisions_ReviewSections_SectionId", x => x.SectionId, "ReviewSections", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ReviewSectionRevisions_SavedById", "ReviewSectionRevisions", "SavedById");
        m.CreateIndex("IX_ReviewSectionRevisions_SectionId_Number", "ReviewSectionRevisions", ["SectionId", "Number"], unique: true);

        m.CreateTable("ReviewComments", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            SectionId = t.Column<int>(nullable: false),
            AuthorId = t.Column<string>(nullable: true),
            Text = t.Column<string>(maxLength: 2000, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ReviewComments", x => x.Id);
            t.ForeignKey("FK_ReviewComments_AspNetUsers_AuthorId", x => x.AuthorId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_ReviewComments_ReviewSections_SectionId", x => x.SectionId, "ReviewSections", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ReviewComments_AuthorId", "ReviewComments", "AuthorId");
        m.CreateIndex("IX_ReviewComments_SectionId_CreatedAt", "ReviewComments", ["SectionId", "CreatedAt"]);

        m.CreateTable("ReviewTemplateSections", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            Key = t.Column<string>(maxLength: 50, nullable: false),
            Title = t.Column<string>(maxLength: 100, nullable: false),
            Prompt = t.Column<string>(maxLength: 500, nullable: false),
            Position = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ReviewTemplateSections", x => x.Id));
        m.CreateIndex("IX_ReviewTemplateSections_Key", "ReviewTemplateSections", "Key", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ReviewComments");
        migrationBuilder.DropTable("ReviewSectionRevisions");
        migrationBuilder.DropTable("ReviewSections");
        migrationBuilder.DropTable("ReviewReviewers");
        migrationBuilder.DropTable("IncidentReviews");
        migrationBuilder.DropTable("ReviewTemplateSections");
    }
}
