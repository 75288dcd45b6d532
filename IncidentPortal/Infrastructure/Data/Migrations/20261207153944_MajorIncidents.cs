using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IncidentPortal.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class MajorIncidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DuplicateOfId",
                table: "Incidents",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MajorIncidents",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<int>(nullable: false),
                    State = table.Column<string>(maxLength: 20, nullable: false),
                    Severity = table.Column<string>(maxLength: 10, nullable: true),
                    ProposedById = table.Column<string>(maxLength: 450, nullable: false),
                    ProposalReason = table.Column<string>(maxLength: 500, nullable: true),
                    ProposedAt = table.Column<DateTime>(nullable: false),
                    RejectionReason = table.Column<string>(maxLength: 500, nullable: true),
                    DeclaredAt = table.Column<DateTime>(nullable: true),
                    MitigatedAt = table.Column<DateTime>(nullable: true),
                    ResolvedAt = table.Column<DateTime>(nullable: true),
                    FirstCommunicationAt = table.Column<DateTime>(nullable: true),
                    LastCommunicationAt = table.Column<DateTime>(nullable: true),
                    BridgeUrl = table.Column<string>(maxLength: 500, nullable: true),
                    RemindedForDueAt = table.Column<DateTime>(nullable: true),
                    EscalatedForDueAt = table.Column<DateTime>(nullable: true),
                    ForwardedLogId = table.Column<long>(nullable: false),
                    ForwardedActivityId = table.Column<long>(nullable: false),
                    Version = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MajorIncidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MajorIncidents_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MajorIncidentChildren",
                columns: table => new
                {
                    MajorIncidentId = table.Column<int>(nullable: false),
                    IncidentId = table.Column<int>(nullable: false),
                    LinkedById = table.Column<string>(maxLength: 450, nullable: true),
                    LinkedAt = table.Column<DateTime>(nullable: false),
                    FollowsResolution = table.Column<bool>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MajorIncidentChildren", x => new { x.MajorIncidentId, x.IncidentId });
                    table.ForeignKey(
                        name: "FK_MajorIncidentChildren_AspNetUsers_LinkedById",
                        column: x => x.LinkedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MajorIncidentChildren_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MajorIncidentChildren_MajorIncidents_MajorIncidentId",
                        column: x => x.MajorIncidentId,
                        principalTable: "MajorIncidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MajorIncidentLog",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(maxLength: 20, nullable: false),
                    Text = table.Column<string>(maxLength: 2000, nullable: false),
                    ActorId = table.Column<string>(maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(nullable: false),
                    Pinned = table.Column<bool>(nullable: false),
                    PinnedById = table.Column<string>(maxLength: 450, nullable: true),
                    MajorIncidentId = table.Column<int>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MajorIncidentLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MajorIncidentLog_AspNetUsers_ActorId",
                        column: x => x.ActorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MajorIncidentLog_MajorIncidents_MajorIncidentId",
                        column: x => x.MajorIncidentId,
                        principalTable: "MajorIncidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MajorIncidentRoles",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    Role = table.Column<string>(maxLength: 30, nullable: false),
                    UserId = table.Column<string>(maxLength: 450, nullable: false),
                    Name = table.Column<string>(maxLength: 200, nullable: false),
                    AssignedAt = table.Column<DateTime>(nullable: false),
                    AssignedById = table.Column<string>(maxLength: 450, nullable: false),
                    EndedAt = table.Column<DateTime>(nullable: true),
                    MajorIncidentId = table.Column<int>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MajorIncidentRoles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MajorIncidentRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MajorIncidentRoles_MajorIncidents_MajorIncidentId",
                        column: x => x.MajorIncidentId,
                        principalTable: "MajorIncidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MajorIncidentStakeholders",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    MajorIncidentId = table.Column<int>(nullable: false),
                    UserId = table.Column<string>(maxLength: 450, nullable: true),
                    TeamId = table.Column<int>(nullable: true),
                    Name = table.Column<string>(maxLength: 200, nullable: false),
                    AddedAt = table.Column<DateTime>(nullable: false),
                    AddedById = table.Column<string>(maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MajorIncidentStakeholders", x => x.Id);
                    table.CheckConstraint("CK_Stakeholder_PersonOrTeam", "(\"UserId\" IS NULL) <> (\"TeamId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_MajorIncidentStakeholders_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MajorIncidentStakeholders_MajorIncidents_MajorIncidentId",
                        column: x => x.MajorIncidentId,
                        principalTable: "MajorIncidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MajorIncidentStakeholders_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SwarmRequests",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    MajorIncidentId = table.Column<int>(nullable: false),
                    Message = table.Column<string>(maxLength: 500, nullable: false),
                    RequestedById = table.Column<string>(maxLength: 450, nullable: false),
                    RequestedByName = table.Column<string>(maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(nullable: false),
                    PolicyName = table.Column<string>(maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SwarmRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SwarmRequests_MajorIncidents_MajorIncidentId",
                        column: x => x.MajorIncidentId,
                        principalTable: "MajorIncidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SwarmInvites",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    SwarmRequestId = table.Column<int>(nullable: false),
                    UserId = table.Column<string>(maxLength: 450, nullable: false),
                    Name = table.Column<string>(maxLength: 200, nullable: false),
                    Via = table.Column<string>(maxLength: 200, nullable: true),
                    AskedAt = table.Column<DateTime>(nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(nullable: true),
                    JoinedAt = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SwarmInvites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SwarmInvites_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SwarmInvites_SwarmRequests_SwarmRequestId",
                        column: x => x.SwarmRequestId,
                        principalTable: "SwarmRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_DuplicateOfId",
                table: "Incidents",
                column: "DuplicateOfId");

            migrationBuilder.CreateIndex(
                name: "IX_MajorIncidentChildren_IncidentId",
                table: "MajorIncidentChildren",
                column: "IncidentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MajorIncidentChildren_LinkedById",
                table: "MajorIncidentChildren",
                column: "LinkedById");

            migrationBuilder.CreateIndex(
                name: "IX_MajorIncidentLog_ActorId",
                table: "MajorIncidentLog",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_MajorIncidentLog_MajorIncidentId_At",
                table: "MajorIncidentLog",
                columns: new[] { "MajorIncidentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_MajorIncidentRoles_MajorIncidentId",
                table: "MajorIncidentRoles",
                column: "MajorIncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_MajorIncidentRoles_UserId",
                table: "MajorIncidentRoles",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_MajorIncidents_IncidentId",
                table: "MajorIncidents",
                column: "IncidentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MajorIncidents_State",
                table: "MajorIncidents",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_MajorIncidentStakeholders_MajorIncidentId_TeamId",
                table: "MajorIncidentStakeholders",
                columns: new[] { "MajorIncidentId", "TeamId" },
                unique: true,
                filter: "\"TeamId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MajorIncidentStakeholders_MajorIncidentId_UserId",
                table: "MajorIncidentStakeholders",
                columns: new[] { "MajorIncidentId", "UserId" },
                unique: true,
                filter: "\"UserId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MajorIncidentStakeholders_TeamId",
                table: "MajorIncidentStakeholders",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_MajorIncidentStakeholders_UserId",
                table: "MajorIncidentStakeholders",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SwarmInvites_SwarmRequestId",
                table: "SwarmInvites",
                column: "SwarmRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_SwarmInvites_UserId",
                table: "SwarmInvites",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SwarmRequests_MajorIncidentId",
                table: "SwarmRequests",
                column: "MajorIncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MajorIncidentChildren");

            migrationBuilder.DropTable(
                name: "MajorIncidentLog");

            migrationBuilder.DropTable(
                name: "MajorIncidentRoles");

            migrationBuilder.DropTable(
                name: "MajorIncidentStakeholders");

            migrationBuilder.DropTable(
                name: "SwarmInvites");

            migrationBuilder.DropTable(
                name: "SwarmRequests");

            migrationBuilder.DropTable(
                name: "MajorIncidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_DuplicateOfId",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "DuplicateOfId",
                table: "Incidents");
        }
    }
}
