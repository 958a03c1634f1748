using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Orchestration.Jobbtorg.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "jobbtorg");

            migrationBuilder.CreateTable(
                name: "AuditLog",
                schema: "jobbtorg",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CaseType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CaseId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    District = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Codes",
                schema: "jobbtorg",
                columns: table => new
                {
                    List = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequiresText = table.Column<bool>(type: "boolean", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Codes", x => new { x.List, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "InboxMessages",
                schema: "jobbtorg",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMessages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                schema: "jobbtorg",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageType = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DispatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Referrals",
                schema: "jobbtorg",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    District = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Unit = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FiaJobParts",
                schema: "jobbtorg",
                columns: table => new
                {
                    JobbtorgReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    Goal = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    NeedsValidation = table.Column<bool>(type: "boolean", nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FiaJobParts", x => x.JobbtorgReferralId);
                    table.ForeignKey(
                        name: "FK_FiaJobParts_Referrals_JobbtorgReferralId",
                        column: x => x.JobbtorgReferralId,
                        principalSchema: "jobbtorg",
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Intakes",
                schema: "jobbtorg",
                columns: table => new
                {
                    JobbtorgReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    HighestEducation = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SwedishLevel = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    YearsSinceLastWork = table.Column<int>(type: "integer", nullable: true),
                    JobSeeking = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RegisteredWithArbetsformedlingen = table.Column<bool>(type: "boolean", nullable: false),
                    HasDrivingLicence = table.Column<bool>(type: "boolean", nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Intakes", x => x.JobbtorgReferralId);
                    table.ForeignKey(
                        name: "FK_Intakes_Referrals_JobbtorgReferralId",
                        column: x => x.JobbtorgReferralId,
                        principalSchema: "jobbtorg",
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Interventions",
                schema: "jobbtorg",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    JobbtorgReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    PlannedStartOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    BookedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BookedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Completed = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interventions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Interventions_Referrals_JobbtorgReferralId",
                        column: x => x.JobbtorgReferralId,
                        principalSchema: "jobbtorg",
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReReferrals",
                schema: "jobbtorg",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    JobbtorgReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    District = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReasonCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ReasonText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReReferredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReReferredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReReferrals_Referrals_JobbtorgReferralId",
                        column: x => x.JobbtorgReferralId,
                        principalSchema: "jobbtorg",
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResursIntakes",
                schema: "jobbtorg",
                columns: table => new
                {
                    JobbtorgReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlannedTransferOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResursIntakes", x => x.JobbtorgReferralId);
                    table.ForeignKey(
                        name: "FK_ResursIntakes_Referrals_JobbtorgReferralId",
                        column: x => x.JobbtorgReferralId,
                        principalSchema: "jobbtorg",
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                schema: "jobbtorg",
                table: "Codes",
                columns: new[] { "Code", "List", "Active", "Label", "RequiresText", "SortOrder" },
                values: new object[,]
                {
                    { "ArbetsformedlingenOffer", "InterventionKind", true, "Arbetsförmedlingens utbud", false, 140 },
                    { "Counselling", "InterventionKind", true, "Rådgivning", false, 30 },
                    { "IndividualCoaching", "InterventionKind", true, "Individuell coachning", false, 40 },
                    { "Investigation", "InterventionKind", true, "Utredning/kartläggning", false, 10 },
                    { "JobMatching", "InterventionKind", true, "Matchning mot befintliga arbeten i näringslivet och staden", false, 50 },
                    { "LongVocationalCourse", "InterventionKind", true, "Längre anpassad yrkesutbildning", false, 130 },
                    { "MotivationWork", "InterventionKind", true, "Motivationsarbete (Jobbtorg Resurs)", false, 170 },
                    { "Practice", "InterventionKind", true, "Praktik på olika nivåer", false, 100 },
                    { "PreparatoryActivities", "InterventionKind", true, "Förberedande aktiviteter (motivations- och gruppsamtal, CV, intervjuträning)", false, 80 },
                    { "RecruitmentActivities", "InterventionKind", true, "Rekryteringsaktiviteter", false, 150 },
                    { "SfiTest", "InterventionKind", true, "SFI-test", false, 60 },
                    { "SfiWithPractice", "InterventionKind", true, "SFI kopplat till praktik", false, 70 },
                    { "ShortVocationalCourse", "InterventionKind", true, "Kortare förberedande yrkesutbildning", false, 110 },
                    { "StartOwnBusinessAdvice", "InterventionKind", true, "Starta-eget-rådgivning", false, 160 },
                    { "StudyAndCareerGuidance", "InterventionKind", true, "Studie- och yrkesvägledning", false, 20 },
                    { "Validation", "InterventionKind", true, "Validering", false, 120 },
                    { "WorkTraining", "InterventionKind", true, "Arbetsträning", false, 90 },
                    { "ActiveOrUntreatedAddiction", "ReReferralReason", true, "Aktivt/obearbetat missbruk", false, 20 },
                    { "LongIllnessWithoutRehabilitation", "ReReferralReason", true, "Långvarig sjukdom utan rehabilitering", false, 30 },
                    { "MentalIllHealth", "ReReferralReason", true, "Psykisk ohälsa", false, 10 },
                    { "Motivation", "ReReferralReason", true, "Motivation", false, 60 },
                    { "NeedsCareContact", "ReReferralReason", true, "Behov av vårdkontakt", false, 70 },
                    { "Other", "ReReferralReason", true, "Annat", true, 80 },
                    { "UnidentifiedObstacles", "ReReferralReason", true, "Icke identifierade hinder", false, 50 },
                    { "WorkCapacityToBeInvestigated", "ReReferralReason", true, "Arbetsförmågan behöver utredas", false, 40 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_CaseType_CaseId",
                schema: "jobbtorg",
                table: "AuditLog",
                columns: new[] { "CaseType", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_Interventions_JobbtorgReferralId",
                schema: "jobbtorg",
                table: "Interventions",
                column: "JobbtorgReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_Interventions_Kind",
                schema: "jobbtorg",
                table: "Interventions",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DispatchedAt_CreatedAt",
                schema: "jobbtorg",
                table: "OutboxMessages",
                columns: new[] { "DispatchedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_District",
                schema: "jobbtorg",
                table: "Referrals",
                column: "District");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReferralId_Unit",
                schema: "jobbtorg",
                table: "Referrals",
                columns: new[] { "ReferralId", "Unit" },
                unique: true,
                filter: "\"Status\" <> 'ReReferred'");

            migrationBuilder.CreateIndex(
                name: "IX_ReReferrals_JobbtorgReferralId",
                schema: "jobbtorg",
                table: "ReReferrals",
                column: "JobbtorgReferralId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReReferrals_ReasonCode",
                schema: "jobbtorg",
                table: "ReReferrals",
                column: "ReasonCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditLog",
                schema: "jobbtorg");

            migrationBuilder.DropTable(
                name: "Codes",
                schema: "jobbtorg");

            migrationBuilder.DropTable(
                name: "FiaJobParts",
                schema: "jobbtorg");

            migrationBuilder.DropTable(
                name: "InboxMessages",
                schema: "jobbtorg");

            migrationBuilder.DropTable(
                name: "Intakes",
                schema: "jobbtorg");

            migrationBuilder.DropTable(
                name: "Interventions",
                schema: "jobbtorg");

            migrationBuilder.DropTable(
                name: "OutboxMessages",
                schema: "jobbtorg");

            migrationBuilder.DropTable(
                name: "ReReferrals",
                schema: "jobbtorg");

            migrationBuilder.DropTable(
                name: "ResursIntakes",
                schema: "jobbtorg");

            migrationBuilder.DropTable(
                name: "Referrals",
                schema: "jobbtorg");
        }
    }
}
