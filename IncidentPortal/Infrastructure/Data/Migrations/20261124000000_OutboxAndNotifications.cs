using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static IncidentPortal.Infrastructure.Data.Migrations.MigrationColumns;

namespace IncidentPortal.Infrastructure.Data.Migrations;

/// <summary>The outbox (deliveries that survive outages) and in-app notifications with per-user preferences.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261124000000_OutboxAndNotifications")]
public sealed class OutboxAndNotifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.CreateTable("OutboxMessages", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            Kind = t.Column<string>(maxLength: 50, nullable: false),
            Payload = t.Column<string>(nullable: false),
            State = t.Column<string>(maxLength: 10, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            DueAt = t.Column<DateTime>(nullable: false),
            Attempts = t.Column<int>(nullable: false),
            SentAt = t.Column<DateTime>(nullable: true),
            LastError = t.Column<string>(maxLength: 1000, nullable: true),
            ClaimedBy = t.Column<string>(maxLength: 100, nullable: true),
            ClaimedUntil = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_OutboxMessages", x => x.Id));

        m.CreateTable("Notifications", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            UserId = t.Column<string>(nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Body = t.Column<string>(maxLength: 1000, nullable: true),
            Link = t.Column<string>(maxLength: 300, nullable: true),
            IncidentId = t.Column<int>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ReadAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Notifications", x => x.Id);
            t.ForeignKey("FK_Notifications_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Notifications_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("NotificationPreferences", t => new
        {
            UserId = t.Column<string>(nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            InApp = t.Column<bool>(nullable: false),
            Email = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_NotificationPreferences", x => new { x.UserId, x.Kind });
            t.ForeignKey("FK_NotificationPreferences_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateIndex("IX_OutboxMessages_State_DueAt", "OutboxMessages", ["State", "DueAt"]);
        m.CreateIndex("IX_Notifications_IncidentId", "Notifications", "IncidentId");
        m.CreateIndex("IX_Notifications_UserId_ReadAt_CreatedAt", "Notifications", ["UserId", "ReadAt", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("NotificationPreferences");
        migrationBuilder.DropTable("Notifications");
        migrationBuilder.DropTable("OutboxMessages");
    }
}
