using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.Jobbtorg.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ClosureAndFiaRequest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_ReferralId_Unit",
                schema: "jobbtorg",
                table: "Referrals");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                schema: "jobbtorg",
                table: "Referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                schema: "jobbtorg",
                table: "Referrals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosingNote",
                schema: "jobbtorg",
                table: "Referrals",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FiaOnly",
                schema: "jobbtorg",
                table: "Referrals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FiaRequestedAt",
                schema: "jobbtorg",
                table: "Referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                schema: "jobbtorg",
                table: "Referrals",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReferralId_Unit",
                schema: "jobbtorg",
                table: "Referrals",
                columns: new[] { "ReferralId", "Unit" },
                unique: true,
                filter: "\"Status\" NOT IN ('ReReferred', 'Closed')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_ReferralId_Unit",
                schema: "jobbtorg",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                schema: "jobbtorg",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                schema: "jobbtorg",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ClosingNote",
                schema: "jobbtorg",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "FiaOnly",
                schema: "jobbtorg",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "FiaRequestedAt",
                schema: "jobbtorg",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "Outcome",
                schema: "jobbtorg",
                table: "Referrals");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReferralId_Unit",
                schema: "jobbtorg",
                table: "Referrals",
                columns: new[] { "ReferralId", "Unit" },
                unique: true,
                filter: "\"Status\" <> 'ReReferred'");
        }
    }
}
