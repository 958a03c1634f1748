using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.Workflows.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TriggerTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "TriggerOccurrences",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "Triggers",
                schema: "workflows");
        }
    }
}
