using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.FollowUps.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "followups_AuditLog",
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
                    table.PrimaryKey("PK_followups_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "followups_Deadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InterventionReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResponsibleSocialSecretary = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Interval = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    NextActionAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FollowUpId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_followups_Deadlines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "followups_InboxMessages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_followups_InboxMessages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "followups_OutboxMessages",
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
                    table.PrimaryKey("PK_followups_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "followups_DeadlineMoves",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeadlineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MovedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_followups_DeadlineMoves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_followups_DeadlineMoves_followups_Deadlines_DeadlineId",
                        column: x => x.DeadlineId,
                        principalTable: "followups_Deadlines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "followups_DeadlineNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeadlineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MailedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MailRecipients = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_followups_DeadlineNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_followups_DeadlineNotices_followups_Deadlines_DeadlineId",
                        column: x => x.DeadlineId,
                        principalTable: "followups_Deadlines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_followups_AuditLog_CaseType_CaseId",
                table: "followups_AuditLog",
                columns: new[] { "CaseType", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_followups_DeadlineMoves_DeadlineId",
                table: "followups_DeadlineMoves",
                column: "DeadlineId");

            migrationBuilder.CreateIndex(
                name: "IX_followups_DeadlineNotices_DeadlineId",
                table: "followups_DeadlineNotices",
                column: "DeadlineId");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_Claim",
                table: "followups_Deadlines",
                columns: new[] { "State", "NextActionAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_OneOpenPerIntervention",
                table: "followups_Deadlines",
                column: "InterventionReferralId",
                unique: true,
                filter: "\"State\" IN ('Pending', 'Reminded', 'Escalated')");

            migrationBuilder.CreateIndex(
                name: "IX_followups_Deadlines_District_State",
                table: "followups_Deadlines",
                columns: new[] { "District", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_followups_Deadlines_ReferralId",
                table: "followups_Deadlines",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_followups_Deadlines_ResponsibleSocialSecretary_State",
                table: "followups_Deadlines",
                columns: new[] { "ResponsibleSocialSecretary", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_followups_OutboxMessages_DispatchedAt_CreatedAt",
                table: "followups_OutboxMessages",
                columns: new[] { "DispatchedAt", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "followups_AuditLog");

            migrationBuilder.DropTable(
                name: "followups_DeadlineMoves");

            migrationBuilder.DropTable(
                name: "followups_DeadlineNotices");

            migrationBuilder.DropTable(
                name: "followups_InboxMessages");

            migrationBuilder.DropTable(
                name: "followups_OutboxMessages");

            migrationBuilder.DropTable(
                name: "followups_Deadlines");
        }
    }
}
