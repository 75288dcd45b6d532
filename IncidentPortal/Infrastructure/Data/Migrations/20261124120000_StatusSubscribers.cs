using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static IncidentPortal.Infrastructure.Data.Migrations.MigrationColumns;

namespace IncidentPortal.Infrastructure.Data.Migrations;

/// <summary>Status-page e-mail subscribers (double opt-in) and the components each chose.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261124120000_StatusSubscribers")]
public sealed class StatusSubscribers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.CreateTable("StatusSubscribers", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            Email = t.Column<string>(maxLength: 254, nullable: false),
            ConfirmationTokenHash = t.Column<string>(maxLength: 64, nullable: true),
            ConfirmedAt = t.Column<DateTime>(nullable: true),
            UnsubscribeToken = t.Column<string>(maxLength: 64, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedFromIp = t.Column<string>(maxLength: 45, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_StatusSubscribers", x => x.Id));
        m.CreateIndex("IX_StatusSubscribers_Email", "StatusSubscribers", "Email", unique: true);
        m.CreateIndex("IX_StatusSubscribers_ConfirmationTokenHash", "StatusSubscribers", "ConfirmationTokenHash");
        m.CreateIndex("IX_StatusSubscribers_UnsubscribeToken", "StatusSubscribers", "UnsubscribeToken", unique: true);
        m.CreateIndex("IX_StatusSubscribers_CreatedFromIp", "StatusSubscribers", "CreatedFromIp");

        m.CreateTable("StatusSubscriberComponents", t => new
        {
            SubscriberId = t.Column<int>(nullable: false),
            ComponentId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_StatusSubscriberComponents", x => new { x.SubscriberId, x.ComponentId });
            t.ForeignKey("FK_StatusSubscriberComponents_StatusSubscribers_SubscriberId", x => x.SubscriberId, "StatusSubscribers", "Id",
                onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_StatusSubscriberComponents_StatusComponents_ComponentId", x => x.ComponentId, "StatusComponents", "Id",
                onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_StatusSubscriberComponents_ComponentId", "StatusSubscriberComponents", "ComponentId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("StatusSubscriberComponents");
        migrationBuilder.DropTable("StatusSubscribers");
    }
}
