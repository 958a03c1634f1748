using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TriggerTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "workflows_TriggerOccurrences");

            migrationBuilder.DropTable(
                name: "workflows_Triggers");
        }
    }
}
