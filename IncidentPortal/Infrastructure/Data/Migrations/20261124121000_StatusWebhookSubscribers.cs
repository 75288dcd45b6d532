using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static IncidentPortal.Infrastructure.Data.Migrations.MigrationColumns;

namespace IncidentPortal.Infrastructure.Data.Migrations;

/// <summary>Status-page webhook subscribers, their components and the log of every delivery attempt.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261124121000_StatusWebhookSubscribers")]
public sealed class StatusWebhookSubscribers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.CreateTable("StatusWebhookSubscribers", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            Url = t.Column<string>(maxLength: 2000, nullable: false),
            Format = t.Column<string>(maxLength: 10, nullable: false),
            UnsubscribeToken = t.Column<string>(maxLength: 64, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedFromIp = t.Column<string>(maxLength: 45, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_StatusWebhookSubscribers", x => x.Id));
        m.CreateIndex("IX_StatusWebhookSubscribers_UnsubscribeToken", "StatusWebhookSubscribers", "UnsubscribeToken", unique: true);
        m.CreateIndex("IX_StatusWebhookSubscribers_CreatedFromIp", "StatusWebhookSubscribers", "CreatedFromIp");

        m.CreateTable("StatusWebhookSubscriberComponents", t => new
        {
            SubscriberId = t.Column<int>(nullable: false),
            ComponentId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_StatusWebhookSubscriberComponents", x => new { x.SubscriberId, x.ComponentId });
            t.ForeignKey("FK_StatusWebhookSubscriberComponents_Subscriber", x => x.SubscriberId,
                "StatusWebhookSubscribers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_StatusWebhookSubscriberComponents_Component", x => x.ComponentId, "StatusComponents", "Id",
                onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_StatusWebhookSubscriberComponents_ComponentId", "StatusWebhookSubscriberComponents", "ComponentId");

        m.CreateTable("StatusWebhookDeliveries", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            SubscriberId = t.Column<int>(nullable: false),
            MessageId = t.Column<long>(nullable: false),
            NoticeTitle = t.Column<string>(maxLength: 200, nullable: false),
            Attempt = t.Column<int>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            DurationMs = t.Column<int>(nullable: false),
            StatusCode = t.Column<int>(nullable: true),
            Error = t.Column<string>(maxLength: 500, nullable: true),
            Succeeded = t.Column<bool>(nullable: false),
            IsFinal = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_StatusWebhookDeliveries", x => x.Id);
            t.ForeignKey("FK_StatusWebhookDeliveries_Subscriber", x => x.SubscriberId,
                "StatusWebhookSubscribers", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_StatusWebhookDeliveries_SubscriberId_At", "StatusWebhookDeliveries", ["SubscriberId", "At"]);
        m.CreateIndex("IX_StatusWebhookDeliveries_At", "StatusWebhookDeliveries", "At");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("StatusWebhookDeliveries");
        migrationBuilder.DropTable("StatusWebhookSubscriberComponents");
        migrationBuilder.DropTable("StatusWebhookSubscribers");
    }
}
