using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.Interventions.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TransferToResursDecision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "TransferDecidedAt",
                schema: "interventions",
                table: "Referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TransferDecidedBy",
                schema: "interventions",
                table: "Referrals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TransferDecidedOn",
                schema: "interventions",
                table: "Referrals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TransferNote",
                schema: "interventions",
                table: "Referrals",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TransferDecidedAt",
                schema: "interventions",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "TransferDecidedBy",
                schema: "interventions",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "TransferDecidedOn",
                schema: "interventions",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "TransferNote",
                schema: "interventions",
                table: "Referrals");
        }
    }
}
