using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.FinancialAid.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatisticsGenderBirthYear : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BirthYear",
                table: "financialaid_Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Gender",
                table: "financialaid_Applications",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            // Hand edit: applications registered before this migration get their gender and birth year from the
            // person's personnummer (digits 1-4 the year, digit 11 odd for men), as registration now records them.
            migrationBuilder.Sql("""
                UPDATE financialaid_Applications
                SET BirthYear = (SELECT CAST(substr(p.Personnummer, 1, 4) AS INTEGER) FROM financialaid_Persons AS p WHERE p.Id = financialaid_Applications.PersonId),
                    Gender = (SELECT CASE WHEN CAST(substr(p.Personnummer, 11, 1) AS INTEGER) % 2 = 1 THEN 'Male' ELSE 'Female' END
                              FROM financialaid_Persons AS p WHERE p.Id = financialaid_Applications.PersonId);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BirthYear",
                table: "financialaid_Applications");

            migrationBuilder.DropColumn(
                name: "Gender",
                table: "financialaid_Applications");
        }
    }
}
