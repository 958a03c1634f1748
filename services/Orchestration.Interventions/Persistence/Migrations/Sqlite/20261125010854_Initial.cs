using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.Interventions.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "interventions_AuditLog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CaseType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interventions_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "interventions_Catalogue",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ProviderDistrict = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TargetGroup = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Places = table.Column<int>(type: "INTEGER", nullable: false),
                    PricePerPlace = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    OpenToOtherDistricts = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequiresAidDecision = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interventions_Catalogue", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "interventions_InboxMessages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interventions_InboxMessages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "interventions_OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageType = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interventions_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "interventions_Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InterventionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InterventionName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProviderDistrict = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PricePerPlace = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    PlaceBought = table.Column<bool>(type: "INTEGER", nullable: false),
                    AidDecisionRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChosenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ChosenBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Assignment = table.Column<string>(type: "TEXT", nullable: true),
                    WorkPlan = table.Column<string>(type: "TEXT", nullable: true),
                    ImplementationPlan = table.Column<string>(type: "TEXT", nullable: true),
                    AidDecisionReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TransferredToJobbtorgResurs = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClosingNote = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interventions_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_interventions_Referrals_interventions_Catalogue_InterventionId",
                        column: x => x.InterventionId,
                        principalTable: "interventions_Catalogue",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "interventions_FollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InterventionReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AttendancePercent = table.Column<int>(type: "INTEGER", nullable: true),
                    AttendanceNote = table.Column<string>(type: "TEXT", nullable: true),
                    WorkAbility = table.Column<string>(type: "TEXT", nullable: false),
                    IndividualView = table.Column<string>(type: "TEXT", nullable: true),
                    Goals = table.Column<string>(type: "TEXT", nullable: false),
                    Readiness = table.Column<string>(type: "TEXT", nullable: false),
                    ReadyForJobbtorgResurs = table.Column<bool>(type: "INTEGER", nullable: false),
                    JudgmentNote = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interventions_FollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_interventions_FollowUps_interventions_Referrals_InterventionReferralId",
                        column: x => x.InterventionReferralId,
                        principalTable: "interventions_Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "interventions_ThreePartyTalks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InterventionReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OtherParticipants = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interventions_ThreePartyTalks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_interventions_ThreePartyTalks_interventions_Referrals_InterventionReferralId",
                        column: x => x.InterventionReferralId,
                        principalTable: "interventions_Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_interventions_AuditLog_CaseType_CaseId",
                table: "interventions_AuditLog",
                columns: new[] { "CaseType", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_interventions_Catalogue_ProviderDistrict",
                table: "interventions_Catalogue",
                column: "ProviderDistrict");

            migrationBuilder.CreateIndex(
                name: "IX_interventions_FollowUps_InterventionReferralId",
                table: "interventions_FollowUps",
                column: "InterventionReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_interventions_OutboxMessages_DispatchedAt_CreatedAt",
                table: "interventions_OutboxMessages",
                columns: new[] { "DispatchedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_interventions_Referrals_District_State",
                table: "interventions_Referrals",
                columns: new[] { "District", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_interventions_Referrals_InterventionId",
                table: "interventions_Referrals",
                column: "InterventionId");

            migrationBuilder.CreateIndex(
                name: "IX_interventions_Referrals_PersonId",
                table: "interventions_Referrals",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_interventions_Referrals_ReferralId",
                table: "interventions_Referrals",
                column: "ReferralId",
                unique: true,
                filter: "\"State\" <> 'Closed'");

            migrationBuilder.CreateIndex(
                name: "IX_interventions_ThreePartyTalks_InterventionReferralId",
                table: "interventions_ThreePartyTalks",
                column: "InterventionReferralId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "interventions_AuditLog");

            migrationBuilder.DropTable(
                name: "interventions_FollowUps");

            migrationBuilder.DropTable(
                name: "interventions_InboxMessages");

            migrationBuilder.DropTable(
                name: "interventions_OutboxMessages");

            migrationBuilder.DropTable(
                name: "interventions_ThreePartyTalks");

            migrationBuilder.DropTable(
                name: "interventions_Referrals");

            migrationBuilder.DropTable(
                name: "interventions_Catalogue");
        }
    }
}
