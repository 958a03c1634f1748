using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.FinancialAid.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CodeLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Codes",
                schema: "financialaid",
                columns: table => new
                {
                    List = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Codes", x => new { x.List, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "Settings",
                schema: "financialaid",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settings", x => x.Name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Codes",
                schema: "financialaid");

            migrationBuilder.DropTable(
                name: "Settings",
                schema: "financialaid");
        }
    }
}
