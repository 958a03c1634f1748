using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.FollowUps.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "followups");

            migrationBuilder.CreateTable(
                name: "AuditLog",
                schema: "followups",
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
                name: "Deadlines",
                schema: "followups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    InterventionReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    District = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ResponsibleSocialSecretary = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Interval = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    NextActionAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FollowUpId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deadlines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxMessages",
                schema: "followups",
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
                schema: "followups",
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
                name: "DeadlineMoves",
                schema: "followups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeadlineId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ToDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    MovedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineMoves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeadlineMoves_Deadlines_DeadlineId",
                        column: x => x.DeadlineId,
                        principalSchema: "followups",
                        principalTable: "Deadlines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeadlineNotices",
                schema: "followups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeadlineId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MailRecipients = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeadlineNotices_Deadlines_DeadlineId",
                        column: x => x.DeadlineId,
                        principalSchema: "followups",
                        principalTable: "Deadlines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_CaseType_CaseId",
                schema: "followups",
                table: "AuditLog",
                columns: new[] { "CaseType", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineMoves_DeadlineId",
                schema: "followups",
                table: "DeadlineMoves",
                column: "DeadlineId");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineNotices_DeadlineId",
                schema: "followups",
                table: "DeadlineNotices",
                column: "DeadlineId");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_Claim",
                schema: "followups",
                table: "Deadlines",
                columns: new[] { "State", "NextActionAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_District_State",
                schema: "followups",
                table: "Deadlines",
                columns: new[] { "District", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_OneOpenPerIntervention",
                schema: "followups",
                table: "Deadlines",
                column: "InterventionReferralId",
                unique: true,
                filter: "\"State\" IN ('Pending', 'Reminded', 'Escalated')");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_ReferralId",
                schema: "followups",
                table: "Deadlines",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_ResponsibleSocialSecretary_State",
                schema: "followups",
                table: "Deadlines",
                columns: new[] { "ResponsibleSocialSecretary", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DispatchedAt_CreatedAt",
                schema: "followups",
                table: "OutboxMessages",
                columns: new[] { "DispatchedAt", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditLog",
                schema: "followups");

            migrationBuilder.DropTable(
                name: "DeadlineMoves",
                schema: "followups");

            migrationBuilder.DropTable(
                name: "DeadlineNotices",
                schema: "followups");

            migrationBuilder.DropTable(
                name: "InboxMessages",
                schema: "followups");

            migrationBuilder.DropTable(
                name: "OutboxMessages",
                schema: "followups");

            migrationBuilder.DropTable(
                name: "Deadlines",
                schema: "followups");
        }
    }
}
