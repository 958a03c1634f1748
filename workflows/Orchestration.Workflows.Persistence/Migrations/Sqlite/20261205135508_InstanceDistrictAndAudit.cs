using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InstanceDistrictAndAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "District",
                table: "workflows_WorkflowInstances",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_workflows_WorkflowInstances_District",
                table: "workflows_WorkflowInstances",
                column: "District");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_AuditLog_CaseType_CaseId",
                table: "workflows_AuditLog",
                columns: new[] { "CaseType", "CaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workflows_AuditLog");

            migrationBuilder.DropIndex(
                name: "IX_workflows_WorkflowInstances_District",
                table: "workflows_WorkflowInstances");

            migrationBuilder.DropColumn(
                name: "District",
                table: "workflows_WorkflowInstances");
        }
    }
}
