using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Orchestration.Jobbtorg.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "jobbtorg_AuditLog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CaseType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jobbtorg_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "jobbtorg_Codes",
                columns: table => new
                {
                    List = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequiresText = table.Column<bool>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jobbtorg_Codes", x => new { x.List, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "jobbtorg_InboxMessages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jobbtorg_InboxMessages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "jobbtorg_OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageType = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jobbtorg_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "jobbtorg_Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jobbtorg_Referrals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "jobbtorg_FiaJobParts",
                columns: table => new
                {
                    JobbtorgReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Goal = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    NeedsValidation = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jobbtorg_FiaJobParts", x => x.JobbtorgReferralId);
                    table.ForeignKey(
                        name: "FK_jobbtorg_FiaJobParts_jobbtorg_Referrals_JobbtorgReferralId",
                        column: x => x.JobbtorgReferralId,
                        principalTable: "jobbtorg_Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "jobbtorg_Intakes",
                columns: table => new
                {
                    JobbtorgReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HighestEducation = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SwedishLevel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    YearsSinceLastWork = table.Column<int>(type: "INTEGER", nullable: true),
                    JobSeeking = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RegisteredWithArbetsformedlingen = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasDrivingLicence = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jobbtorg_Intakes", x => x.JobbtorgReferralId);
                    table.ForeignKey(
                        name: "FK_jobbtorg_Intakes_jobbtorg_Referrals_JobbtorgReferralId",
                        column: x => x.JobbtorgReferralId,
                        principalTable: "jobbtorg_Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "jobbtorg_Interventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    JobbtorgReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    PlannedStartOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    BookedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BookedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Completed = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jobbtorg_Interventions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_jobbtorg_Interventions_jobbtorg_Referrals_JobbtorgReferralId",
                        column: x => x.JobbtorgReferralId,
                        principalTable: "jobbtorg_Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "jobbtorg_ReReferrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    JobbtorgReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ReasonText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReReferredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReReferredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jobbtorg_ReReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_jobbtorg_ReReferrals_jobbtorg_Referrals_JobbtorgReferralId",
                        column: x => x.JobbtorgReferralId,
                        principalTable: "jobbtorg_Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "jobbtorg_ResursIntakes",
                columns: table => new
                {
                    JobbtorgReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlannedTransferOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jobbtorg_ResursIntakes", x => x.JobbtorgReferralId);
                    table.ForeignKey(
                        name: "FK_jobbtorg_ResursIntakes_jobbtorg_Referrals_JobbtorgReferralId",
                        column: x => x.JobbtorgReferralId,
                        principalTable: "jobbtorg_Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "jobbtorg_Codes",
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
                name: "IX_jobbtorg_AuditLog_CaseType_CaseId",
                table: "jobbtorg_AuditLog",
                columns: new[] { "CaseType", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_jobbtorg_Interventions_JobbtorgReferralId",
                table: "jobbtorg_Interventions",
                column: "JobbtorgReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_jobbtorg_Interventions_Kind",
                table: "jobbtorg_Interventions",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_jobbtorg_OutboxMessages_DispatchedAt_CreatedAt",
                table: "jobbtorg_OutboxMessages",
                columns: new[] { "DispatchedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_jobbtorg_Referrals_District",
                table: "jobbtorg_Referrals",
                column: "District");

            migrationBuilder.CreateIndex(
                name: "IX_jobbtorg_Referrals_ReferralId_Unit",
                table: "jobbtorg_Referrals",
                columns: new[] { "ReferralId", "Unit" },
                unique: true,
                filter: "\"Status\" <> 'ReReferred'");

            migrationBuilder.CreateIndex(
                name: "IX_jobbtorg_ReReferrals_JobbtorgReferralId",
                table: "jobbtorg_ReReferrals",
                column: "JobbtorgReferralId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_jobbtorg_ReReferrals_ReasonCode",
                table: "jobbtorg_ReReferrals",
                column: "ReasonCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "jobbtorg_AuditLog");

            migrationBuilder.DropTable(
                name: "jobbtorg_Codes");

            migrationBuilder.DropTable(
                name: "jobbtorg_FiaJobParts");

            migrationBuilder.DropTable(
                name: "jobbtorg_InboxMessages");

            migrationBuilder.DropTable(
                name: "jobbtorg_Intakes");

            migrationBuilder.DropTable(
                name: "jobbtorg_Interventions");

            migrationBuilder.DropTable(
                name: "jobbtorg_OutboxMessages");

            migrationBuilder.DropTable(
                name: "jobbtorg_ReReferrals");

            migrationBuilder.DropTable(
                name: "jobbtorg_ResursIntakes");

            migrationBuilder.DropTable(
                name: "jobbtorg_Referrals");
        }
    }
}
