using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static IncidentPortal.Infrastructure.Data.Migrations.MigrationColumns;

namespace IncidentPortal.Infrastructure.Data.Migrations;

/// <summary>Outbound webhooks: the endpoints admins register and the log of every attempt to deliver to them.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261124080000_Webhooks")]
public sealed class Webhooks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.CreateTable("WebhookEndpoints", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            Url = t.Column<string>(maxLength: 500, nullable: false),
            ProtectedSecret = t.Column<string>(maxLength: 1000, nullable: false),
            Events = t.Column<string>(maxLength: 200, nullable: false),
            TeamFilter = t.Column<string>(maxLength: 1000, nullable: false),
            PriorityFilter = t.Column<string>(maxLength: 20, nullable: false),
            IsEnabled = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            SecretRotatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_WebhookEndpoints", x => x.Id));
        m.CreateIndex("IX_WebhookEndpoints_Name", "WebhookEndpoints", "Name", unique: true);

        m.CreateTable("WebhookDeliveries", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            EndpointId = t.Column<int>(nullable: false),
            DeliveryId = t.Column<string>(maxLength: 36, nullable: false),
            Event = t.Column<string>(maxLength: 40, nullable: false),
            IncidentId = t.Column<int>(nullable: true),
            Attempt = t.Column<int>(nullable: false),
            IsRedelivery = t.Column<bool>(nullable: false),
            AttemptedAt = t.Column<DateTime>(nullable: false),
            StatusCode = t.Column<int>(nullable: true),
            DurationMs = t.Column<int>(nullable: false),
            Outcome = t.Column<string>(maxLength: 20, nullable: false),
            Error = t.Column<string>(maxLength: 1000, nullable: true),
            ResponseSnippet = t.Column<string>(maxLength: 2000, nullable: true),
            RequestBody = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_WebhookDeliveries", x => x.Id);
            t.ForeignKey("FK_WebhookDeliveries_WebhookEndpoints_EndpointId", x => x.EndpointId, "WebhookEndpoints", "Id",
                onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_WebhookDeliveries_EndpointId_Id", "WebhookDeliveries", ["EndpointId", "Id"]);
        m.CreateIndex("IX_WebhookDeliveries_DeliveryId", "WebhookDeliveries", "DeliveryId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("WebhookDeliveries");
        migrationBuilder.DropTable("WebhookEndpoints");
    }
}
