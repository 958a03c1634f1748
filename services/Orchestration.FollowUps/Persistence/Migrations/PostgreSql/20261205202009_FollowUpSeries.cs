using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.FollowUps.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class FollowUpSeries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FollowUpSeries",
                schema: "followups",
                columns: table => new
                {
                    InterventionReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stopped = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpSeries", x => x.InterventionReferralId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpSeries_ReferralId",
                schema: "followups",
                table: "FollowUpSeries",
                column: "ReferralId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpSeries",
                schema: "followups");
        }
    }
}
