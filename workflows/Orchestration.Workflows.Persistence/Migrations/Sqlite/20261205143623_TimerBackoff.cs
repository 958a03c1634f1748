using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TimerBackoff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workflows_Bookmarks_ResumeAt",
                table: "workflows_Bookmarks");

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

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Bookmarks_IsDead_ResumeAt",
                table: "workflows_Bookmarks",
                columns: new[] { "IsDead", "ResumeAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workflows_Bookmarks_IsDead_ResumeAt",
                table: "workflows_Bookmarks");

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
                name: "IX_workflows_Bookmarks_ResumeAt",
                table: "workflows_Bookmarks",
                column: "ResumeAt");
        }
    }
}
