using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.Workflows.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TimerBackoff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookmarks_ResumeAt",
                schema: "workflows",
                table: "Bookmarks");

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

            migrationBuilder.CreateIndex(
                name: "IX_Bookmarks_IsDead_ResumeAt",
                schema: "workflows",
                table: "Bookmarks",
                columns: new[] { "IsDead", "ResumeAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookmarks_IsDead_ResumeAt",
                schema: "workflows",
                table: "Bookmarks");

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
                name: "IX_Bookmarks_ResumeAt",
                schema: "workflows",
                table: "Bookmarks",
                column: "ResumeAt");
        }
    }
}
