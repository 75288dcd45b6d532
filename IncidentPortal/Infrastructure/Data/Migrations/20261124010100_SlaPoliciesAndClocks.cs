using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static IncidentPortal.Infrastructure.Data.Migrations.MigrationColumns;

namespace IncidentPortal.Infrastructure.Data.Migrations;

/// <summary>SLA policies with per-priority targets, and the stored clocks the SLA watcher scans by NextCheckAt.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261124010100_SlaPoliciesAndClocks")]
public sealed class SlaPoliciesAndClocks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.CreateTable("SlaPolicies", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            ServiceId = t.Column<int>(nullable: true),
            WarningFraction = t.Column<double>(nullable: false),
            PausingReasons = t.Column<string>(maxLength: 200, nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_SlaPolicies", x => x.Id);
            t.ForeignKey("FK_SlaPolicies_Services_ServiceId", x => x.ServiceId, "Services", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_SlaPolicies_ServiceId", "SlaPolicies", "ServiceId", unique: true);

        m.CreateTable("SlaTargets", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            PolicyId = t.Column<int>(nullable: false),
            Priority = t.Column<string>(maxLength: 2, nullable: false),
            ResponseMinutes = t.Column<int>(nullable: false),
            ResolutionMinutes = t.Column<int>(nullable: false),
            CalendarId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_SlaTargets", x => x.Id);
            t.ForeignKey("FK_SlaTargets_SlaPolicies_PolicyId", x => x.PolicyId, "SlaPolicies", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_SlaTargets_BusinessCalendars_CalendarId", x => x.CalendarId, "BusinessCalendars", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_SlaTargets_PolicyId_Priority", "SlaTargets", ["PolicyId", "Priority"], unique: true);
        m.CreateIndex("IX_SlaTargets_CalendarId", "SlaTargets", "CalendarId");

        m.CreateTable("SlaClocks", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            IncidentId = t.Column<int>(nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            PolicyId = t.Column<int>(nullable: true),
            Priority = t.Column<string>(maxLength: 2, nullable: false),
            TargetMinutes = t.Column<int>(nullable: false),
            State = t.Column<string>(maxLength: 20, nullable: false),
            PausedFor = t.Column<string>(maxLength: 20, nullable: true),
            DueAt = t.Column<DateTime>(nullable: true),
            WarnAt = t.Column<DateTime>(nullable: true),
            StoppedAt = t.Column<DateTime>(nullable: true),
            RunningDueAt = t.Column<DateTime>(nullable: true),
            WarnedAt = t.Column<DateTime>(nullable: true),
            BreachedAt = t.Column<DateTime>(nullable: true),
            NextCheckAt = t.Column<DateTime>(nullable: true),
            ComputedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_SlaClocks", x => x.Id);
            t.ForeignKey("FK_SlaClocks_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_SlaClocks_SlaPolicies_PolicyId", x => x.PolicyId, "SlaPolicies", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_SlaClocks_IncidentId_Kind", "SlaClocks", ["IncidentId", "Kind"], unique: true);
        m.CreateIndex("IX_SlaClocks_NextCheckAt", "SlaClocks", "NextCheckAt");
        m.CreateIndex("IX_SlaClocks_RunningDueAt_IncidentId", "SlaClocks", ["RunningDueAt", "IncidentId"]);
        m.CreateIndex("IX_SlaClocks_PolicyId", "SlaClocks", "PolicyId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SlaClocks");
        migrationBuilder.DropTable("SlaTargets");
        migrationBuilder.DropTable("SlaPolicies");
    }
}
