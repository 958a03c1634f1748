using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.FollowUps.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CaseProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseProgress",
                schema: "followups",
                columns: table => new
                {
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    District = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    StageAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResponsibleSocialSecretary = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ResponsibleAssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseProgress", x => x.ReferralId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseProgress",
                schema: "followups");
        }
    }
}
