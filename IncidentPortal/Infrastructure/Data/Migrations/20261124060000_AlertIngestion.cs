using IncidentPortal.Features.Alerts;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace IncidentPortal.Infrastructure.Data.Migrations;

/// <summary>
/// Monitoring integrations (with hashed keys), the alerts they send (one open alert per integration and dedup key,
/// enforced by a filtered unique index) and the latest occurrences of each alert.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261124060000_AlertIngestion")]
public sealed class AlertIngestion : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.CreateTable("AlertIntegrations", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            TeamId = t.Column<int>(nullable: false),
            ServiceId = t.Column<int>(nullable: true),
            CategoryId = t.Column<int>(nullable: true),
            CriticalPriority = t.Column<string>(maxLength: 2, nullable: false),
            ErrorPriority = t.Column<string>(maxLength: 2, nullable: false),
            WarningPriority = t.Column<string>(maxLength: 2, nullable: false),
            InfoPriority = t.Column<string>(maxLength: 2, nullable: false),
            OnRecovery = t.Column<string>(maxLength: 20, nullable: false),
            CorrelationMinutes = t.Column<int>(nullable: false),
            RateLimitPerMinute = t.Column<int>(nullable: false),
            KeyHash = t.Column<string>(maxLength: 64, nullable: false),
            KeyPrefix = t.Column<string>(maxLength: 20, nullable: false),
            IsEnabled = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            KeyIssuedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AlertIntegrations", x => x.Id);
            t.ForeignKey("FK_AlertIntegrations_Teams_TeamId", x => x.TeamId, "Teams", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_AlertIntegrations_Services_ServiceId", x => x.ServiceId, "Services", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_AlertIntegrations_Categories_CategoryId", x => x.CategoryId, "Categories", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_AlertIntegrations_Name", "AlertIntegrations", "Name", unique: true);
        m.CreateIndex("IX_AlertIntegrations_KeyHash", "AlertIntegrations", "KeyHash", unique: true);
        m.CreateIndex("IX_AlertIntegrations_TeamId", "AlertIntegrations", "TeamId");
        m.CreateIndex("IX_AlertIntegrations_ServiceId", "AlertIntegrations", "ServiceId");
        m.CreateIndex("IX_AlertIntegrations_CategoryId", "AlertIntegrations", "CategoryId");

        m.CreateTable("Alerts", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            IntegrationId = t.Column<int>(nullable: false),
            DedupKey = t.Column<string>(maxLength: 255, nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            Summary = t.Column<string>(maxLength: 1024, nullable: false),
            Severity = t.Column<string>(maxLength: 20, nullable: false),
            Source = t.Column<string>(maxLength: 255, nullable: true),
            Component = t.Column<string>(maxLength: 255, nullable: true),
            Service = t.Column<string>(maxLength: 255, nullable: true),
            Link = t.Column<string>(maxLength: 2000, nullable: true),
            LabelsJson = t.Column<string>(nullable: false),
            DetailsJson = t.Column<string>(nullable: false),
            StartsAt = t.Column<DateTime>(nullable: true),
            FirstSeenAt = t.Column<DateTime>(nullable: false),
            LastSeenAt = t.Column<DateTime>(nullable: false),
            AcknowledgedAt = t.Column<DateTime>(nullable: true),
            ResolvedAt = t.Column<DateTime>(nullable: true),
            OccurrenceCount = t.Column<int>(nullable: false),
            IncidentId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Alerts", x => x.Id);
            t.ForeignKey("FK_Alerts_AlertIntegrations_IntegrationId", x => x.IntegrationId, "AlertIntegrations", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Alerts_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Alerts_Open_IntegrationId_DedupKey", "Alerts", ["IntegrationId", "DedupKey"], unique: true, filter: AlertConfiguration.OpenFilter);
        m.CreateIndex("IX_Alerts_IntegrationId_DedupKey_StartsAt", "Alerts", ["IntegrationId", "DedupKey", "StartsAt"]);
        m.CreateIndex("IX_Alerts_IntegrationId_Service_FirstSeenAt", "Alerts", ["IntegrationId", "Service", "FirstSeenAt"]);
        m.CreateIndex("IX_Alerts_IncidentId", "Alerts", "IncidentId");
        m.CreateIndex("IX_Alerts_Status_LastSeenAt", "Alerts", ["Status", "LastSeenAt"]);

        m.CreateTable("AlertOccurrences", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            AlertId = t.Column<int>(nullable: false),
            Sequence = t.Column<int>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            Action = t.Column<string>(maxLength: 20, nullable: false),
            Summary = t.Column<string>(maxLength: 1024, nullable: false),
            Severity = t.Column<string>(maxLength: 20, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AlertOccurrences", x => x.Id);
            t.ForeignKey("FK_AlertOccurrences_Alerts_AlertId", x => x.AlertId, "Alerts", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AlertOccurrences_AlertId_Sequence", "AlertOccurrences", ["AlertId", "Sequence"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("AlertOccurrences");
        migrationBuilder.DropTable("Alerts");
        migrationBuilder.DropTable("AlertIntegrations");
    }

    private static OperationBuilder<AddColumnOperation> Identity(OperationBuilder<AddColumnOperation> column) => column
        .Annotation("Sqlite:Autoincrement", true)
        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
