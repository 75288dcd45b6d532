using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static IncidentPortal.Infrastructure.Data.Migrations.MigrationColumns;

namespace IncidentPortal.Infrastructure.Data.Migrations;

/// <summary>
/// Escalation: the matrix (per team its lead, next tier and default policy, per priority the SLA reactions),
/// escalation policies with steps and targets, policy runs (the worker's state) and the incidents' escalations.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261124040000_Escalation")]
public sealed class Escalation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.CreateTable("EscalationPolicies", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            Description = t.Column<string>(maxLength: 500, nullable: false),
            RepeatCount = t.Column<int>(nullable: false),
            OffHours = t.Column<string>(maxLength: 30, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_EscalationPolicies", x => x.Id));
        m.CreateIndex("IX_EscalationPolicies_Name", "EscalationPolicies", "Name", unique: true);

        m.CreateTable("EscalationSteps", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            PolicyId = t.Column<int>(nullable: false),
            Position = t.Column<int>(nullable: false),
            WaitSeconds = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_EscalationSteps", x => x.Id);
            t.ForeignKey("FK_EscalationSteps_EscalationPolicies_PolicyId", x => x.PolicyId, "EscalationPolicies", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_EscalationSteps_PolicyId_Position", "EscalationSteps", ["PolicyId", "Position"], unique: true);

        m.CreateTable("EscalationStepTargets", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            StepId = t.Column<int>(nullable: false),
            UserId = t.Column<string>(nullable: true),
            TeamId = t.Column<int>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_EscalationStepTargets", x => x.Id);
            t.ForeignKey("FK_EscalationStepTargets_EscalationSteps_StepId", x => x.StepId, "EscalationSteps", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_EscalationStepTargets_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_EscalationStepTargets_Teams_TeamId", x => x.TeamId, "Teams", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_EscalationStepTargets_StepId", "EscalationStepTargets", "StepId");
        m.CreateIndex("IX_EscalationStepTargets_UserId", "EscalationStepTargets", "UserId");
        m.CreateIndex("IX_EscalationStepTargets_TeamId", "EscalationStepTargets", "TeamId");

        m.CreateTable("EscalationRuns", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            IncidentId = t.Column<int>(nullable: false),
            PolicyId = t.Column<int>(nullable: false),
            Reason = t.Column<string>(maxLength: 200, nullable: false),
            StartedById = t.Column<string>(nullable: true),
            StartedAt = t.Column<DateTime>(nullable: false),
            StepIndex = t.Column<int>(nullable: false),
            Round = t.Column<int>(nullable: false),
            NextFireAt = t.Column<DateTime>(nullable: true),
            LastNotifiedAt = t.Column<DateTime>(nullable: true),
            AcknowledgedById = t.Column<string>(nullable: true),
            AcknowledgedAt = t.Column<DateTime>(nullable: true),
            FinishedAt = t.Column<DateTime>(nullable: true),
            Outcome = t.Column<string>(maxLength: 20, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_EscalationRuns", x => x.Id);
            t.ForeignKey("FK_EscalationRuns_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_EscalationRuns_EscalationPolicies_PolicyId", x => x.PolicyId, "EscalationPolicies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_EscalationRuns_AspNetUsers_StartedById", x => x.StartedById, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_EscalationRuns_AspNetUsers_AcknowledgedById", x => x.AcknowledgedById, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_EscalationRuns_NextFireAt", "EscalationRuns", "NextFireAt");
        m.CreateIndex("IX_EscalationRuns_IncidentId_FinishedAt", "EscalationRuns", ["IncidentId", "FinishedAt"]);
        m.CreateIndex("IX_EscalationRuns_PolicyId", "EscalationRuns", "PolicyId");
        m.CreateIndex("IX_EscalationRuns_StartedById", "EscalationRuns", "StartedById");
        m.CreateIndex("IX_EscalationRuns_AcknowledgedById", "EscalationRuns", "AcknowledgedById");

        m.CreateTable("IncidentEscalations", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            IncidentId = t.Column<int>(nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            Target = t.Column<string>(maxLength: 20, nullable: true),
            FromTeamId = t.Column<int>(nullable: true),
            ToTeamId = t.Column<int>(nullable: true),
            Reason = t.Column<string>(maxLength: 500, nullable: false),
            ById = t.Column<string>(nullable: true),
            At = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_IncidentEscalations", x => x.Id);
            t.ForeignKey("FK_IncidentEscalations_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_IncidentEscalations_Teams_FromTeamId", x => x.FromTeamId, "Teams", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_IncidentEscalations_Teams_ToTeamId", x => x.ToTeamId, "Teams", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_IncidentEscalations_AspNetUsers_ById", x => x.ById, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_IncidentEscalations_IncidentId", "IncidentEscalations", "IncidentId");
        m.CreateIndex("IX_IncidentEscalations_FromTeamId", "IncidentEscalations", "FromTeamId");
        m.CreateIndex("IX_IncidentEscalations_ToTeamId", "IncidentEscalations", "ToTeamId");
        m.CreateIndex("IX_IncidentEscalations_ById", "IncidentEscalations", "ById");

        m.CreateTable("EscalationRules", t => new
        {
            Priority = t.Column<string>(maxLength: 2, nullable: false),
            Trigger = t.Column<string>(maxLength: 20, nullable: false),
            Action = t.Column<string>(maxLength: 30, nullable: false),
            PolicyId = t.Column<int>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_EscalationRules", x => new { x.Priority, x.Trigger });
            t.ForeignKey("FK_EscalationRules_EscalationPolicies_PolicyId", x => x.PolicyId, "EscalationPolicies", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_EscalationRules_PolicyId", "EscalationRules", "PolicyId");

        m.CreateTable("TeamEscalations", t => new
        {
            TeamId = t.Column<int>(nullable: false),
            LeadUserId = t.Column<string>(nullable: true),
            NextTierTeamId = t.Column<int>(nullable: true),
            DefaultPolicyId = t.Column<int>(nullable: true),
            CalendarId = t.Column<int>(nullable: true),
            AutoStartPriorities = t.Column<string>(maxLength: 20, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_TeamEscalations", x => x.TeamId);
            t.ForeignKey("FK_TeamEscalations_Teams_TeamId", x => x.TeamId, "Teams", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_TeamEscalations_AspNetUsers_LeadUserId", x => x.LeadUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_TeamEscalations_Teams_NextTierTeamId", x => x.NextTierTeamId, "Teams", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_TeamEscalations_BusinessCalendars_CalendarId", x => x.CalendarId, "BusinessCalendars", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_TeamEscalations_EscalationPolicies_DefaultPolicyId", x => x.DefaultPolicyId, "EscalationPolicies", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_TeamEscalations_LeadUserId", "TeamEscalations", "LeadUserId");
        m.CreateIndex("IX_TeamEscalations_NextTierTeamId", "TeamEscalations", "NextTierTeamId");
        m.CreateIndex("IX_TeamEscalations_DefaultPolicyId", "TeamEscalations", "DefaultPolicyId");
        m.CreateIndex("IX_TeamEscalations_CalendarId", "TeamEscalations", "CalendarId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.DropTable("TeamEscalations");
        m.DropTable("EscalationRules");
        m.DropTable("IncidentEscalations");
        m.DropTable("EscalationRuns");
        m.DropTable("EscalationStepTargets");
        m.DropTable("EscalationSteps");
        m.DropTable("EscalationPolicies");
    }
}
