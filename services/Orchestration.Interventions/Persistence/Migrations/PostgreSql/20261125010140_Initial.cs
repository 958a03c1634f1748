using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.Interventions.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "interventions");

            migrationBuilder.CreateTable(
                name: "AuditLog",
                schema: "interventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CaseType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CaseId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    District = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Catalogue",
                schema: "interventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ProviderDistrict = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Provider = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TargetGroup = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Places = table.Column<int>(type: "integer", nullable: false),
                    PricePerPlace = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    OpenToOtherDistricts = table.Column<bool>(type: "boolean", nullable: false),
                    RequiresAidDecision = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Catalogue", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxMessages",
                schema: "interventions",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMessages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                schema: "interventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageType = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DispatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Referrals",
                schema: "interventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    District = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InterventionId = table.Column<Guid>(type: "uuid", nullable: true),
                    InterventionName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ProviderDistrict = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PricePerPlace = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    PlaceBought = table.Column<bool>(type: "boolean", nullable: false),
                    AidDecisionRequired = table.Column<bool>(type: "boolean", nullable: false),
                    ChosenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ChosenBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Assignment = table.Column<string>(type: "text", nullable: true),
                    WorkPlan = table.Column<string>(type: "text", nullable: true),
                    ImplementationPlan = table.Column<string>(type: "text", nullable: true),
                    AidDecisionReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StartedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TransferredToJobbtorgResurs = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClosingNote = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_Catalogue_InterventionId",
                        column: x => x.InterventionId,
                        principalSchema: "interventions",
                        principalTable: "Catalogue",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUps",
                schema: "interventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InterventionReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AttendancePercent = table.Column<int>(type: "integer", nullable: true),
                    AttendanceNote = table.Column<string>(type: "text", nullable: true),
                    WorkAbility = table.Column<string>(type: "text", nullable: false),
                    IndividualView = table.Column<string>(type: "text", nullable: true),
                    Goals = table.Column<string>(type: "text", nullable: false),
                    Readiness = table.Column<string>(type: "text", nullable: false),
                    ReadyForJobbtorgResurs = table.Column<bool>(type: "boolean", nullable: false),
                    JudgmentNote = table.Column<string>(type: "text", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUps_Referrals_InterventionReferralId",
                        column: x => x.InterventionReferralId,
                        principalSchema: "interventions",
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ThreePartyTalks",
                schema: "interventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InterventionReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OtherParticipants = table.Column<string>(type: "text", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThreePartyTalks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ThreePartyTalks_Referrals_InterventionReferralId",
                        column: x => x.InterventionReferralId,
                        principalSchema: "interventions",
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_CaseType_CaseId",
                schema: "interventions",
                table: "AuditLog",
                columns: new[] { "CaseType", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_Catalogue_ProviderDistrict",
                schema: "interventions",
                table: "Catalogue",
                column: "ProviderDistrict");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_InterventionReferralId",
                schema: "interventions",
                table: "FollowUps",
                column: "InterventionReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DispatchedAt_CreatedAt",
                schema: "interventions",
                table: "OutboxMessages",
                columns: new[] { "DispatchedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_District_State",
                schema: "interventions",
                table: "Referrals",
                columns: new[] { "District", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_InterventionId",
                schema: "interventions",
                table: "Referrals",
                column: "InterventionId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_PersonId",
                schema: "interventions",
                table: "Referrals",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReferralId",
                schema: "interventions",
                table: "Referrals",
                column: "ReferralId",
                unique: true,
                filter: "\"State\" <> 'Closed'");

            migrationBuilder.CreateIndex(
                name: "IX_ThreePartyTalks_InterventionReferralId",
                schema: "interventions",
                table: "ThreePartyTalks",
                column: "InterventionReferralId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditLog",
                schema: "interventions");

            migrationBuilder.DropTable(
                name: "FollowUps",
                schema: "interventions");

            migrationBuilder.DropTable(
                name: "InboxMessages",
                schema: "interventions");

            migrationBuilder.DropTable(
                name: "OutboxMessages",
                schema: "interventions");

            migrationBuilder.DropTable(
                name: "ThreePartyTalks",
                schema: "interventions");

            migrationBuilder.DropTable(
                name: "Referrals",
                schema: "interventions");

            migrationBuilder.DropTable(
                name: "Catalogue",
                schema: "interventions");
        }
    }
}
