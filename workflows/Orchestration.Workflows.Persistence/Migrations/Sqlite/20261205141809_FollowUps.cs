using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workflows_Bookmarks_Hash",
                table: "workflows_Bookmarks");

            migrationBuilder.AddColumn<string>(
                name: "ParentInstanceId",
                table: "workflows_WorkflowInstances",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_workflows_WorkflowInstances_ParentInstanceId",
                table: "workflows_WorkflowInstances",
                column: "ParentInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Bookmarks_Hash_CorrelationId",
                table: "workflows_Bookmarks",
                columns: new[] { "Hash", "CorrelationId" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_FollowUps_IsDead_NextAttemptAt",
                table: "workflows_FollowUps",
                columns: new[] { "IsDead", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_FollowUps_SourceInstanceId",
                table: "workflows_FollowUps",
                column: "SourceInstanceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workflows_FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_workflows_WorkflowInstances_ParentInstanceId",
                table: "workflows_WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_workflows_Bookmarks_Hash_CorrelationId",
                table: "workflows_Bookmarks");

            migrationBuilder.DropColumn(
                name: "ParentInstanceId",
                table: "workflows_WorkflowInstances");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Bookmarks_Hash",
                table: "workflows_Bookmarks",
                column: "Hash");
        }
    }
}
