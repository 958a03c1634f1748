using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.FinancialAid.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseClosureResponsibility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IndividualsView",
                table: "financialaid_RouteDecisions",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OtherRoutes",
                table: "financialaid_RouteDecisions",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "ClosedAt",
                table: "financialaid_Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                table: "financialaid_Applications",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosingNote",
                table: "financialaid_Applications",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FiaJobPartRequestedAt",
                table: "financialaid_Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "financialaid_Applications",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResponsibleSince",
                table: "financialaid_Applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "ResponsibleSocialSecretary",
                table: "financialaid_Applications",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_financialaid_Applications_District_ResponsibleSocialSecretary",
                table: "financialaid_Applications",
                columns: new[] { "District", "ResponsibleSocialSecretary" });

            // Hand edit: applications registered before this migration keep their registering social secretary as the responsible one.
            migrationBuilder.Sql("UPDATE \"financialaid_Applications\" SET \"ResponsibleSocialSecretary\" = \"RegisteredBy\", \"ResponsibleSince\" = \"RegisteredAt\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_financialaid_Applications_District_ResponsibleSocialSecretary",
                table: "financialaid_Applications");

            migrationBuilder.DropColumn(
                name: "IndividualsView",
                table: "financialaid_RouteDecisions");

            migrationBuilder.DropColumn(
                name: "OtherRoutes",
                table: "financialaid_RouteDecisions");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "financialaid_Applications");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                table: "financialaid_Applications");

            migrationBuilder.DropColumn(
                name: "ClosingNote",
                table: "financialaid_Applications");

            migrationBuilder.DropColumn(
                name: "FiaJobPartRequestedAt",
                table: "financialaid_Applications");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "financialaid_Applications");

            migrationBuilder.DropColumn(
                name: "ResponsibleSince",
                table: "financialaid_Applications");

            migrationBuilder.DropColumn(
                name: "ResponsibleSocialSecretary",
                table: "financialaid_Applications");
        }
    }
}
