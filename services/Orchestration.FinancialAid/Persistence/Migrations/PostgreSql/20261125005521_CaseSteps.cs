using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orchestration.FinancialAid.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CaseSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AidDecisions",
                schema: "financialaid",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AidDecisions_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalSchema: "financialaid",
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Consents",
                schema: "financialaid",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Scope = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consents_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalSchema: "financialaid",
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InstrumentRecords",
                schema: "financialaid",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Instrument = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Answers = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstrumentRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InstrumentRecords_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalSchema: "financialaid",
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReReferrals",
                schema: "financialaid",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReReferredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredByRouteDecisionId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReReferrals_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalSchema: "financialaid",
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RouteDecisions",
                schema: "financialaid",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Routes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FiaCompleted = table.Column<bool>(type: "boolean", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RouteDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RouteDecisions_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalSchema: "financialaid",
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportObstacles",
                schema: "financialaid",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportObstacles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportObstacles_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalSchema: "financialaid",
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AidDecisions_ApplicationId",
                schema: "financialaid",
                table: "AidDecisions",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Consents_ApplicationId",
                schema: "financialaid",
                table: "Consents",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_InstrumentRecords_ApplicationId_Instrument",
                schema: "financialaid",
                table: "InstrumentRecords",
                columns: new[] { "ApplicationId", "Instrument" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReReferrals_ApplicationId",
                schema: "financialaid",
                table: "ReReferrals",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_RouteDecisions_ApplicationId",
                schema: "financialaid",
                table: "RouteDecisions",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportObstacles_ApplicationId",
                schema: "financialaid",
                table: "SupportObstacles",
                column: "ApplicationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AidDecisions",
                schema: "financialaid");

            migrationBuilder.DropTable(
                name: "Consents",
                schema: "financialaid");

            migrationBuilder.DropTable(
                name: "InstrumentRecords",
                schema: "financialaid");

            migrationBuilder.DropTable(
                name: "ReReferrals",
                schema: "financialaid");

            migrationBuilder.DropTable(
                name: "RouteDecisions",
                schema: "financialaid");

            migrationBuilder.DropTable(
                name: "SupportObstacles",
                schema: "financialaid");
        }
    }
}
