using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.Workflows.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class FollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookmarks_Hash",
                schema: "workflows",
                table: "Bookmarks");

            migrationBuilder.AddColumn<string>(
                name: "ParentInstanceId",
                schema: "workflows",
                table: "WorkflowInstances",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

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
                name: "IX_FollowUps_IsDead_NextAttemptAt",
                schema: "workflows",
                table: "FollowUps",
                columns: new[] { "IsDead", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_SourceInstanceId",
                schema: "workflows",
                table: "FollowUps",
                column: "SourceInstanceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUps",
                schema: "workflows");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_ParentInstanceId",
                schema: "workflows",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_Bookmarks_Hash_CorrelationId",
                schema: "workflows",
                table: "Bookmarks");

            migrationBuilder.DropColumn(
                name: "ParentInstanceId",
                schema: "workflows",
                table: "WorkflowInstances");

            migrationBuilder.CreateIndex(
                name: "IX_Bookmarks_Hash",
                schema: "workflows",
                table: "Bookmarks",
                column: "Hash");
        }
    }
}
