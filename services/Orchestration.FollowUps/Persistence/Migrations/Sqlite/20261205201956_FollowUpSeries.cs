using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.FollowUps.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FollowUpSeries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "followups_FollowUpSeries",
                columns: table => new
                {
                    InterventionReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stopped = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_followups_FollowUpSeries", x => x.InterventionReferralId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_followups_FollowUpSeries_ReferralId",
                table: "followups_FollowUpSeries",
                column: "ReferralId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "followups_FollowUpSeries");
        }
    }
}
