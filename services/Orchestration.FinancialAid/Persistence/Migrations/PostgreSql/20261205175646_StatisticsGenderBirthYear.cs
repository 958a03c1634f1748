using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.FinancialAid.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StatisticsGenderBirthYear : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BirthYear",
                schema: "financialaid",
                table: "Applications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Gender",
                schema: "financialaid",
                table: "Applications",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            // Hand edit: applications registered before this migration get their gender and birth year from the
            // person's personnummer (digits 1-4 the year, digit 11 odd for men), as registration now records them.
            migrationBuilder.Sql("""
                UPDATE financialaid."Applications" AS a
                SET "BirthYear" = CAST(substr(p."Personnummer", 1, 4) AS integer),
                    "Gender" = CASE WHEN CAST(substr(p."Personnummer", 11, 1) AS integer) % 2 = 1 THEN 'Male' ELSE 'Female' END
                FROM financialaid."Persons" AS p
                WHERE p."Id" = a."PersonId" AND p."Personnummer" ~ '^[0-9]{12}$';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BirthYear",
                schema: "financialaid",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Gender",
                schema: "financialaid",
                table: "Applications");
        }
    }
}
