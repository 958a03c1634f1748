using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DurableRuntimeTriggersAndDistricts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workflows_Bookmarks_Hash",
                table: "workflows_Bookmarks");

            migrationBuilder.DropIndex(
                name: "IX_workflows_Bookmarks_ResumeAt",
                table: "workflows_Bookmarks");

            migrationBuilder.AddColumn<string>(
                name: "District",
                table: "workflows_WorkflowInstances",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentInstanceId",
                table: "workflows_WorkflowInstances",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsDead",
                table: "workflows_Bookmarks",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "workflows_Bookmarks",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TimerAttempts",
                table: "workflows_Bookmarks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "workflows_AuditLog",
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
                    table.PrimaryKey("PK_workflows_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_FollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceInstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Depth = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IsDead = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_FollowUps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_PendingStimuli",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EventName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CorrelationId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_PendingStimuli", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_TriggerOccurrences",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    WorkflowInstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FiredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_TriggerOccurrences", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "workflows_Triggers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DefinitionVersionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextOccurrenceAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_Triggers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_WorkflowInstances_District",
                table: "workflows_WorkflowInstances",
                column: "District");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_WorkflowInstances_ParentInstanceId",
                table: "workflows_WorkflowInstances",
                column: "ParentInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Bookmarks_Hash_CorrelationId",
                table: "workflows_Bookmarks",
                columns: new[] { "Hash", "CorrelationId" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Bookmarks_IsDead_ResumeAt",
                table: "workflows_Bookmarks",
                columns: new[] { "IsDead", "ResumeAt" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_AuditLog_CaseType_CaseId",
                table: "workflows_AuditLog",
                columns: new[] { "CaseType", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_FollowUps_IsDead_NextAttemptAt",
                table: "workflows_FollowUps",
                columns: new[] { "IsDead", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_FollowUps_SourceInstanceId",
                table: "workflows_FollowUps",
                column: "SourceInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_PendingStimuli_ExpiresAt",
                table: "workflows_PendingStimuli",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_PendingStimuli_Hash_CorrelationId_ReceivedAt",
                table: "workflows_PendingStimuli",
                columns: new[] { "Hash", "CorrelationId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Triggers_DefinitionId",
                table: "workflows_Triggers",
                column: "DefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Triggers_Name_Value",
                table: "workflows_Triggers",
                columns: new[] { "Name", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Triggers_NextOccurrenceAt",
                table: "workflows_Triggers",
                column: "NextOccurrenceAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workflows_AuditLog");

            migrationBuilder.DropTable(
                name: "workflows_FollowUps");

            migrationBuilder.DropTable(
                name: "workflows_PendingStimuli");

            migrationBuilder.DropTable(
                name: "workflows_TriggerOccurrences");

            migrationBuilder.DropTable(
                name: "workflows_Triggers");

            migrationBuilder.DropIndex(
                name: "IX_workflows_WorkflowInstances_District",
                table: "workflows_WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_workflows_WorkflowInstances_ParentInstanceId",
                table: "workflows_WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_workflows_Bookmarks_Hash_CorrelationId",
                table: "workflows_Bookmarks");

            migrationBuilder.DropIndex(
                name: "IX_workflows_Bookmarks_IsDead_ResumeAt",
                table: "workflows_Bookmarks");

            migrationBuilder.DropColumn(
                name: "District",
                table: "workflows_WorkflowInstances");

            migrationBuilder.DropColumn(
                name: "ParentInstanceId",
                table: "workflows_WorkflowInstances");

            migrationBuilder.DropColumn(
                name: "IsDead",
                table: "workflows_Bookmarks");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "workflows_Bookmarks");

            migrationBuilder.DropColumn(
                name: "TimerAttempts",
                table: "workflows_Bookmarks");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Bookmarks_Hash",
                table: "workflows_Bookmarks",
                column: "Hash");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Bookmarks_ResumeAt",
                table: "workflows_Bookmarks",
                column: "ResumeAt");
        }
    }
}
