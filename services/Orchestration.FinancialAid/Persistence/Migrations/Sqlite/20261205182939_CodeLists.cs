using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.FinancialAid.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CodeLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "financialaid_Codes",
                columns: table => new
                {
                    List = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_financialaid_Codes", x => new { x.List, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "financialaid_Settings",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_financialaid_Settings", x => x.Name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "financialaid_Codes");

            migrationBuilder.DropTable(
                name: "financialaid_Settings");
        }
    }
}
