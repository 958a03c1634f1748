using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.Jobbtorg.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClosureAndFiaRequest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_jobbtorg_Referrals_ReferralId_Unit",
                table: "jobbtorg_Referrals");

            migrationBuilder.AddColumn<long>(
                name: "ClosedAt",
                table: "jobbtorg_Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                table: "jobbtorg_Referrals",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosingNote",
                table: "jobbtorg_Referrals",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FiaOnly",
                table: "jobbtorg_Referrals",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "FiaRequestedAt",
                table: "jobbtorg_Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "jobbtorg_Referrals",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_jobbtorg_Referrals_ReferralId_Unit",
                table: "jobbtorg_Referrals",
                columns: new[] { "ReferralId", "Unit" },
                unique: true,
                filter: "\"Status\" NOT IN ('ReReferred', 'Closed')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_jobbtorg_Referrals_ReferralId_Unit",
                table: "jobbtorg_Referrals");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "jobbtorg_Referrals");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                table: "jobbtorg_Referrals");

            migrationBuilder.DropColumn(
                name: "ClosingNote",
                table: "jobbtorg_Referrals");

            migrationBuilder.DropColumn(
                name: "FiaOnly",
                table: "jobbtorg_Referrals");

            migrationBuilder.DropColumn(
                name: "FiaRequestedAt",
                table: "jobbtorg_Referrals");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "jobbtorg_Referrals");

            migrationBuilder.CreateIndex(
                name: "IX_jobbtorg_Referrals_ReferralId_Unit",
                table: "jobbtorg_Referrals",
                columns: new[] { "ReferralId", "Unit" },
                unique: true,
                filter: "\"Status\" <> 'ReReferred'");
        }
    }
}
