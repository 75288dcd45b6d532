using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace IncidentPortal.Infrastructure.Data.Migrations;

/// <summary>
/// Identity, teams, the service catalogue, categories, incidents with their activity log, the priority matrix. Hand-written (no EF design tools in our feed):
/// column types are left to the provider, so the same migration serves SQLite and PostgreSQL.
/// MigrationSchemaTests proves it builds exactly the schema the model describes.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123050000_InitialCreate")]
public sealed class InitialCreate : Migration
{
    private static OperationBuilder<AddColumnOperation> Identity(OperationBuilder<AddColumnOperation> column) => MigrationColumns.Identity(column);

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.CreateTable("AspNetRoles", t => new
        {
            Id = t.Column<string>(nullable: false),
            Name = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedName = t.Column<string>(maxLength: 256, nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AspNetRoles", x => x.Id));

        m.CreateTable("AspNetUsers", t => new
        {
            Id = t.Column<string>(nullable: false),
            DisplayName = t.Column<string>(maxLength: 100, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UserName = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
            Email = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
            EmailConfirmed = t.Column<bool>(nullable: false),
            PasswordHash = t.Column<string>(nullable: true),
            SecurityStamp = t.Column<string>(nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
            PhoneNumber = t.Column<string>(nullable: true),
            PhoneNumberConfirmed = t.Column<bool>(nullable: false),
            TwoFactorEnabled = t.Column<bool>(nullable: false),
            LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
            LockoutEnabled = t.Column<bool>(nullable: false),
            AccessFailedCount = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AspNetUsers", x => x.Id));

        m.CreateTable("Categories", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            ParentId = t.Column<int>(nullable: true),
            IsActive = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Categories", x => x.Id);
            t.ForeignKey("FK_Categories_Categories_ParentId", x => x.ParentId, "Categories", "Id", onDelete: ReferentialAction.Restrict);
        });

        m.CreateTable("Teams", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            Description = t.Column<string>(maxLength: 500, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Teams", x => x.Id));

        m.CreateTable("AspNetRoleClaims", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            RoleId = t.Column<string>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
            t.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AspNetUserClaims", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            UserId = t.Column<string>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
            t.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AspNetUserLogins", t => new
        {
            LoginProvider = t.Column<string>(nullable: false),
            ProviderKey = t.Column<string>(nullable: false),
            ProviderDisplayName = t.Column<string>(nullable: true),
            UserId = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
            t.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AspNetUserRoles", t => new
        {
            UserId = t.Column<string>(nullable: false),
            RoleId = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
            t.ForeignKey("FK_AspNetUserRoles_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AspNetUserRoles_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AspNetUserTokens", t => new
        {
            UserId = t.Column<string>(nullable: false),
            LoginProvider = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            Value = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
            t.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("Services", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            Description = t.Column<string>(maxLength: 500, nullable: false),
            SupportTeamId = t.Column<int>(nullable: true),
            IsActive = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Services", x => x.Id);
            t.ForeignKey("FK_Services_Teams_SupportTeamId", x => x.SupportTeamId, "Teams", "Id", onDelete: ReferentialAction.SetNull);
        });

        m.CreateTable("TeamMembers", t => new
        {
            TeamId = t.Column<int>(nullable: false),
            UserId = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_TeamMembers", x => new { x.TeamId, x.UserId });
            t.ForeignKey("FK_TeamMembers_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_TeamMembers_Teams_TeamId", x => x.TeamId, "Teams", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("Incidents", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            Number = t.Column<int>(nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Description = t.Column<string>(maxLength: 8000, nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            Impact = t.Column<string>(maxLength: 10, nullable: false),
            Urgency = t.Column<string>(maxLength: 10, nullable: false),
            Priority = t.Column<string>(maxLength: 2, nullable: false),
            PriorityOverrideReason = t.Column<string>(maxLength: 500, nullable: true),
            Source = t.Column<string>(maxLength: 20, nullable: false),
            CategoryId = t.Column<int>(nullable: true),
            ServiceId = t.Column<int>(nullable: true),
            AssignmentGroupId = t.Column<int>(nullable: true),
            AssigneeId = t.Column<string>(nullable: true),
            ReporterId = t.Column<string>(nullable: false),
            LoggedById = t.Column<string>(nullable: true),
            OnHoldReason = t.Column<string>(maxLength: 20, nullable: true),
            ResolutionCode = t.Column<string>(maxLength: 20, nullable: true),
            ResolutionNotes = t.Column<string>(maxLength: 8000, nullable: true),
            Workaround = t.Column<string>(maxLength: 8000, nullable: true),
            CancelReason = t.Column<string>(maxLength: 500, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            FirstResponseAt = t.Column<DateTime>(nullable: true),
            ResolvedAt = t.Column<DateTime>(nullable: true),
            ClosedAt = t.Column<DateTime>(nullable: true),
            ReopenCount = t.Column<int>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Incidents", x => x.Id);
            t.ForeignKey("FK_Incidents_AspNetUsers_AssigneeId", x => x.AssigneeId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_Incidents_AspNetUsers_LoggedById", x => x.LoggedById, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_Incidents_AspNetUsers_ReporterId", x => x.ReporterId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Incidents_Categories_CategoryId", x => x.CategoryId, "Categories", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Incidents_Services_ServiceId", x => x.ServiceId, "Services", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Incidents_Teams_AssignmentGroupId", x => x.AssignmentGroupId, "Teams", "Id", onDelete: ReferentialAction.SetNull);
        });

        m.CreateTable("IncidentActivities", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            IncidentId = t.Column<int>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            ActorId = t.Column<string>(nullable: true),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            Field = t.Column<string>(maxLength: 50, nullable: true),
            OldValue = t.Column<string>(maxLength: 500, nullable: true),
            NewValue = t.Column<string>(maxLength: 500, nullable: true),
            Text = t.Column<string>(maxLength: 8000, nullable: true),
            IsPublic = t.Column<bool>(nullable: false),
            IncidentVersion = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_IncidentActivities", x => x.Id);
            t.ForeignKey("FK_IncidentActivities_AspNetUsers_ActorId", x => x.ActorId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_IncidentActivities_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("PriorityMatrix", t => new
        {
            Impact = t.Column<string>(maxLength: 10, nullable: false),
            Urgency = t.Column<string>(maxLength: 10, nullable: false),
            Priority = t.Column<string>(maxLength: 2, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_PriorityMatrix", x => new { x.Impact, x.Urgency }));

        m.CreateTable("NumberSequences", t => new
        {
            Name = t.Column<string>(maxLength: 50, nullable: false),
            LastValue = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_NumberSequences", x => x.Name));

        m.CreateIndex("IX_AspNetRoleClaims_RoleId", "AspNetRoleClaims", "RoleId");
        m.CreateIndex("RoleNameIndex", "AspNetRoles", "NormalizedName", unique: true);
        m.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");
        m.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");
        m.CreateIndex("IX_AspNetUserRoles_RoleId", "AspNetUserRoles", "RoleId");
        m.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        m.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);
        m.CreateIndex("IX_Categories_ParentId_Name", "Categories", ["ParentId", "Name"], unique: true);
        m.CreateIndex("IX_IncidentActivities_ActorId", "IncidentActivities", "ActorId");
        m.CreateIndex("IX_IncidentActivities_IncidentId_Id", "IncidentActivities", ["IncidentId", "Id"]);
        m.CreateIndex("IX_Incidents_AssigneeId_Status", "Incidents", ["AssigneeId", "Status"]);
        m.CreateIndex("IX_Incidents_AssignmentGroupId_Status", "Incidents", ["AssignmentGroupId", "Status"]);
        m.CreateIndex("IX_Incidents_CategoryId", "Incidents", "CategoryId");
        m.CreateIndex("IX_Incidents_LoggedById", "Incidents", "LoggedById");
        m.CreateIndex("IX_Incidents_Number", "Incidents", "Number", unique: true);
        m.CreateIndex("IX_Incidents_ReporterId_CreatedAt", "Incidents", ["ReporterId", "CreatedAt"]);
        m.CreateIndex("IX_Incidents_ServiceId", "Incidents", "ServiceId");
        m.CreateIndex("IX_Incidents_Status_Priority_CreatedAt", "Incidents", ["Status", "Priority", "CreatedAt"]);
        m.CreateIndex("IX_Services_Name", "Services", "Name", unique: true);
        m.CreateIndex("IX_Services_SupportTeamId", "Services", "SupportTeamId");
        m.CreateIndex("IX_TeamMembers_UserId", "TeamMembers", "UserId");
        m.CreateIndex("IX_Teams_Name", "Teams", "Name", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "NumberSequences", "PriorityMatrix", "IncidentActivities", "Incidents", "TeamMembers", "Services", "AspNetUserTokens", "AspNetUserRoles",
                     "AspNetUserLogins", "AspNetUserClaims", "AspNetRoleClaims", "Teams", "Categories", "AspNetUsers", "AspNetRoles" })
            migrationBuilder.DropTable(table);
    }

}
