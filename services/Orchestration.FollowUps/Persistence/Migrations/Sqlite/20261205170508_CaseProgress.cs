using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.FollowUps.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "followups_CaseProgress",
                columns: table => new
                {
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    StageAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponsibleSocialSecretary = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResponsibleAssignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_followups_CaseProgress", x => x.ReferralId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "followups_CaseProgress");
        }
    }
}
