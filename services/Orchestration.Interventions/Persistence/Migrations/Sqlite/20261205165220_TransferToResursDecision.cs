using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.Interventions.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TransferToResursDecision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "TransferDecidedAt",
                table: "interventions_Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TransferDecidedBy",
                table: "interventions_Referrals",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TransferDecidedOn",
                table: "interventions_Referrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TransferNote",
                table: "interventions_Referrals",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TransferDecidedAt",
                table: "interventions_Referrals");

            migrationBuilder.DropColumn(
                name: "TransferDecidedBy",
                table: "interventions_Referrals");

            migrationBuilder.DropColumn(
                name: "TransferDecidedOn",
                table: "interventions_Referrals");

            migrationBuilder.DropColumn(
                name: "TransferNote",
                table: "interventions_Referrals");
        }
    }
}
