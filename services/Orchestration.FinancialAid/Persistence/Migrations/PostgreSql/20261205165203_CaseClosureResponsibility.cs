using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.FinancialAid.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CaseClosureResponsibility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IndividualsView",
                schema: "financialaid",
                table: "RouteDecisions",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OtherRoutes",
                schema: "financialaid",
                table: "RouteDecisions",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                schema: "financialaid",
                table: "Applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                schema: "financialaid",
                table: "Applications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosingNote",
                schema: "financialaid",
                table: "Applications",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FiaJobPartRequestedAt",
                schema: "financialaid",
                table: "Applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                schema: "financialaid",
                table: "Applications",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResponsibleSince",
                schema: "financialaid",
                table: "Applications",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "ResponsibleSocialSecretary",
                schema: "financialaid",
                table: "Applications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_District_ResponsibleSocialSecretary",
                schema: "financialaid",
                table: "Applications",
                columns: new[] { "District", "ResponsibleSocialSecretary" });

            // Hand edit: applications registered before this migration keep their registering social secretary as the responsible one.
            migrationBuilder.Sql("UPDATE financialaid.\"Applications\" SET \"ResponsibleSocialSecretary\" = \"RegisteredBy\", \"ResponsibleSince\" = \"RegisteredAt\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_District_ResponsibleSocialSecretary",
                schema: "financialaid",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "IndividualsView",
                schema: "financialaid",
                table: "RouteDecisions");

            migrationBuilder.DropColumn(
                name: "OtherRoutes",
                schema: "financialaid",
                table: "RouteDecisions");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                schema: "financialaid",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                schema: "financialaid",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ClosingNote",
                schema: "financialaid",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "FiaJobPartRequestedAt",
                schema: "financialaid",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Outcome",
                schema: "financialaid",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ResponsibleSince",
                schema: "financialaid",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ResponsibleSocialSecretary",
                schema: "financialaid",
                table: "Applications");
        }
    }
}
