using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.Workflows.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DurableRuntimeTriggersAndDistricts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookmarks_Hash",
                schema: "workflows",
                table: "Bookmarks");

            migrationBuilder.DropIndex(
                name: "IX_Bookmarks_ResumeAt",
                schema: "workflows",
                table: "Bookmarks");

            migrationBuilder.AddColumn<string>(
                name: "District",
                schema: "workflows",
                table: "WorkflowInstances",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentInstanceId",
                schema: "workflows",
                table: "WorkflowInstances",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsDead",
                schema: "workflows",
                table: "Bookmarks",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                schema: "workflows",
                table: "Bookmarks",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TimerAttempts",
                schema: "workflows",
                table: "Bookmarks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "AuditLog",
                schema: "workflows",
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
                name: "FollowUps",
                schema: "workflows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceInstanceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    Depth = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IsDead = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PendingStimuli",
                schema: "workflows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EventName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CorrelationId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingStimuli", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TriggerOccurrences",
                schema: "workflows",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    WorkflowInstanceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriggerOccurrences", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Triggers",
                schema: "workflows",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DefinitionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DefinitionVersionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActivityId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextOccurrenceAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Triggers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_District",
                schema: "workflows",
                table: "WorkflowInstances",
                column: "District");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_ParentInstanceId",
                schema: "workflows",
                table: "WorkflowInstances",
                column: "ParentInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_Bookmarks_Hash_CorrelationId",
                schema: "workflows",
                table: "Bookmarks",
                columns: new[] { "Hash", "CorrelationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookmarks_IsDead_ResumeAt",
                schema: "workflows",
                table: "Bookmarks",
                columns: new[] { "IsDead", "ResumeAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_CaseType_CaseId",
                schema: "workflows",
                table: "AuditLog",
                columns: new[] { "CaseType", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_IsDead_NextAttemptAt",
                schema: "workflows",
                table: "FollowUps",
                columns: new[] { "IsDead", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_SourceInstanceId",
                schema: "workflows",
                table: "FollowUps",
                column: "SourceInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_PendingStimuli_ExpiresAt",
                schema: "workflows",
                table: "PendingStimuli",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_PendingStimuli_Hash_CorrelationId_ReceivedAt",
                schema: "workflows",
                table: "PendingStimuli",
                columns: new[] { "Hash", "CorrelationId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Triggers_DefinitionId",
                schema: "workflows",
                table: "Triggers",
                column: "DefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_Triggers_Name_Value",
                schema: "workflows",
                table: "Triggers",
                columns: new[] { "Name", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_Triggers_NextOccurrenceAt",
                schema: "workflows",
                table: "Triggers",
                column: "NextOccurrenceAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditLog",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "FollowUps",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "PendingStimuli",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "TriggerOccurrences",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "Triggers",
                schema: "workflows");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_District",
                schema: "workflows",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_ParentInstanceId",
                schema: "workflows",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_Bookmarks_Hash_CorrelationId",
                schema: "workflows",
                table: "Bookmarks");

            migrationBuilder.DropIndex(
                name: "IX_Bookmarks_IsDead_ResumeAt",
                schema: "workflows",
                table: "Bookmarks");

            migrationBuilder.DropColumn(
                name: "District",
                schema: "workflows",
                table: "WorkflowInstances");

            migrationBuilder.DropColumn(
                name: "ParentInstanceId",
                schema: "workflows",
                table: "WorkflowInstances");

            migrationBuilder.DropColumn(
                name: "IsDead",
                schema: "workflows",
                table: "Bookmarks");

            migrationBuilder.DropColumn(
                name: "LastError",
                schema: "workflows",
                table: "Bookmarks");

            migrationBuilder.DropColumn(
                name: "TimerAttempts",
                schema: "workflows",
                table: "Bookmarks");

            migrationBuilder.CreateIndex(
                name: "IX_Bookmarks_Hash",
                schema: "workflows",
                table: "Bookmarks",
                column: "Hash");

            migrationBuilder.CreateIndex(
                name: "IX_Bookmarks_ResumeAt",
                schema: "workflows",
                table: "Bookmarks",
                column: "ResumeAt");
        }
    }
}
