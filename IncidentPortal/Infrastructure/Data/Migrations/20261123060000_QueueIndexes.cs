using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IncidentPortal.Infrastructure.Data.Migrations;

/// <summary>
/// Indexes for the agents' queue at 100,000+ incidents: each view and filter column is followed by Status, Priority
/// and CreatedAt, so a page and its counts come from the index alone (see IncidentConfiguration and
/// IncidentPortal.Benchmarks). They replace the narrower indexes they extend, which also covered those foreign keys.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123060000_QueueIndexes")]
public sealed class QueueIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.DropIndex("IX_Incidents_AssignmentGroupId_Status", "Incidents");
        m.DropIndex("IX_Incidents_AssigneeId_Status", "Incidents");
        m.DropIndex("IX_Incidents_ServiceId", "Incidents");
        m.DropIndex("IX_Incidents_CategoryId", "Incidents");
        m.CreateIndex("IX_Incidents_Status_UpdatedAt", "Incidents", ["Status", "UpdatedAt"]);
        m.CreateIndex("IX_Incidents_AssignmentGroupId_Status_Priority_CreatedAt", "Incidents", ["AssignmentGroupId", "Status", "Priority", "CreatedAt"]);
        m.CreateIndex("IX_Incidents_AssigneeId_Status_Priority_CreatedAt", "Incidents", ["AssigneeId", "Status", "Priority", "CreatedAt"]);
        m.CreateIndex("IX_Incidents_ServiceId_Status_Priority_CreatedAt", "Incidents", ["ServiceId", "Status", "Priority", "CreatedAt"]);
        m.CreateIndex("IX_Incidents_CategoryId_Status_Priority_CreatedAt", "Incidents", ["CategoryId", "Status", "Priority", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.DropIndex("IX_Incidents_Status_UpdatedAt", "Incidents");
        m.DropIndex("IX_Incidents_AssignmentGroupId_Status_Priority_CreatedAt", "Incidents");
        m.DropIndex("IX_Incidents_AssigneeId_Status_Priority_CreatedAt", "Incidents");
        m.DropIndex("IX_Incidents_ServiceId_Status_Priority_CreatedAt", "Incidents");
        m.DropIndex("IX_Incidents_CategoryId_Status_Priority_CreatedAt", "Incidents");
        m.CreateIndex("IX_Incidents_AssignmentGroupId_Status", "Incidents", ["AssignmentGroupId", "Status"]);
        m.CreateIndex("IX_Incidents_AssigneeId_Status", "Incidents", ["AssigneeId", "Status"]);
        m.CreateIndex("IX_Incidents_ServiceId", "Incidents", "ServiceId");
        m.CreateIndex("IX_Incidents_CategoryId", "Incidents", "CategoryId");
    }
}
