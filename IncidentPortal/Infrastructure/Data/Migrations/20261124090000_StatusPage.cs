using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static IncidentPortal.Infrastructure.Data.Migrations.MigrationColumns;

namespace IncidentPortal.Infrastructure.Data.Migrations;

/// <summary>The public status page: components, public incidents with their updates, scheduled maintenance, status history.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261124090000_StatusPage")]
public sealed class StatusPage : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.CreateTable("StatusComponents", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            ServiceId = t.Column<int>(nullable: true),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            Description = t.Column<string>(maxLength: 500, nullable: true),
            GroupName = t.Column<string>(maxLength: 100, nullable: true),
            DisplayOrder = t.Column<int>(nullable: false),
            IsVisible = t.Column<bool>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            StatusChangedAt = t.Column<DateTime>(nullable: false),
            OverrideStatus = t.Column<string>(maxLength: 20, nullable: true),
            OverrideReason = t.Column<string>(maxLength: 500, nullable: true),
            OverrideById = t.Column<string>(nullable: true),
            OverrideAt = t.Column<DateTime>(nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_StatusComponents", x => x.Id);
            t.ForeignKey("FK_StatusComponents_AspNetUsers_OverrideById", x => x.OverrideById, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_StatusComponents_Services_ServiceId", x => x.ServiceId, "Services", "Id", onDelete: ReferentialAction.SetNull);
        });

        m.CreateTable("PublicIncidents", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            IncidentId = t.Column<int>(nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Phase = t.Column<string>(maxLength: 20, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            ResolvedAt = t.Column<DateTime>(nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PublicIncidents", x => x.Id);
            t.ForeignKey("FK_PublicIncidents_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("PublicIncidentUpdates", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            PublicIncidentId = t.Column<int>(nullable: false),
            Phase = t.Column<string>(maxLength: 20, nullable: false),
            Message = t.Column<string>(maxLength: 4000, nullable: false),
            PublishedById = t.Column<string>(nullable: true),
            PublishedAt = t.Column<DateTime>(nullable: false),
            AffectedComponents = t.Column<string>(maxLength: 2000, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PublicIncidentUpdates", x => x.Id);
            t.ForeignKey("FK_PublicIncidentUpdates_AspNetUsers_PublishedById", x => x.PublishedById, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_PublicIncidentUpdates_PublicIncidents_PublicIncidentId", x => x.PublicIncidentId, "PublicIncidents", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("PublicIncidentImpacts", t => new
        {
            PublicIncidentId = t.Column<int>(nullable: false),
            ComponentId = t.Column<int>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PublicIncidentImpacts", x => new { x.PublicIncidentId, x.ComponentId });
            t.ForeignKey("FK_PublicIncidentImpacts_PublicIncidents_PublicIncidentId", x => x.PublicIncidentId, "PublicIncidents", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_PublicIncidentImpacts_StatusComponents_ComponentId", x => x.ComponentId, "StatusComponents", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("ScheduledMaintenances", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Message = t.Column<string>(maxLength: 4000, nullable: false),
            StartsAt = t.Column<DateTime>(nullable: false),
            EndsAt = t.Column<DateTime>(nullable: false),
            State = t.Column<string>(maxLength: 20, nullable: false),
            CreatedById = t.Column<string>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ScheduledMaintenances", x => x.Id);
            t.ForeignKey("FK_ScheduledMaintenances_AspNetUsers_CreatedById", x => x.CreatedById, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
        });

        m.CreateTable("MaintenanceComponents", t => new
        {
            MaintenanceId = t.Column<int>(nullable: false),
            ComponentId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MaintenanceComponents", x => new { x.MaintenanceId, x.ComponentId });
            t.ForeignKey("FK_MaintenanceComponents_ScheduledMaintenances_MaintenanceId", x => x.MaintenanceId, "ScheduledMaintenances", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_MaintenanceComponents_StatusComponents_ComponentId", x => x.ComponentId, "StatusComponents", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("ComponentStatusPeriods", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            ComponentId = t.Column<int>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            StartedAt = t.Column<DateTime>(nullable: false),
            EndedAt = t.Column<DateTime>(nullable: true),
            Cause = t.Column<string>(maxLength: 300, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ComponentStatusPeriods", x => x.Id);
            t.ForeignKey("FK_ComponentStatusPeriods_StatusComponents_ComponentId", x => x.ComponentId, "StatusComponents", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateIndex("IX_StatusComponents_Name", "StatusComponents", "Name", unique: true);
        m.CreateIndex("IX_StatusComponents_OverrideById", "StatusComponents", "OverrideById");
        m.CreateIndex("IX_StatusComponents_ServiceId", "StatusComponents", "ServiceId", unique: true);
        m.CreateIndex("IX_PublicIncidents_IncidentId", "PublicIncidents", "IncidentId", unique: true);
        m.CreateIndex("IX_PublicIncidents_Phase_CreatedAt", "PublicIncidents", ["Phase", "CreatedAt"]);
        m.CreateIndex("IX_PublicIncidentUpdates_PublicIncidentId_PublishedAt", "PublicIncidentUpdates", ["PublicIncidentId", "PublishedAt"]);
        m.CreateIndex("IX_PublicIncidentUpdates_PublishedAt", "PublicIncidentUpdates", "PublishedAt");
        m.CreateIndex("IX_PublicIncidentUpdates_PublishedById", "PublicIncidentUpdates", "PublishedById");
        m.CreateIndex("IX_PublicIncidentImpacts_ComponentId", "PublicIncidentImpacts", "ComponentId");
        m.CreateIndex("IX_ScheduledMaintenances_CreatedById", "ScheduledMaintenances", "CreatedById");
        m.CreateIndex("IX_ScheduledMaintenances_State_StartsAt", "ScheduledMaintenances", ["State", "StartsAt"]);
        m.CreateIndex("IX_MaintenanceComponents_ComponentId", "MaintenanceComponents", "ComponentId");
        m.CreateIndex("IX_ComponentStatusPeriods_ComponentId_StartedAt", "ComponentStatusPeriods", ["ComponentId", "StartedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "ComponentStatusPeriods", "MaintenanceComponents", "ScheduledMaintenances", "PublicIncidentImpacts",
                     "PublicIncidentUpdates", "PublicIncidents", "StatusComponents" })
            migrationBuilder.DropTable(table);
    }
}
