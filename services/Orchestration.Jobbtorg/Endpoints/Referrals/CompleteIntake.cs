using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Contracts.Jobbtorg.Events;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.Jobbtorg.Persistence.Configurations;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Jobbtorg.Endpoints.Referrals;

/// <summary>
/// The first Jobbtorg visit with initial mapping part 2 (education and job seeking), recorded once. The event says
/// only that it is done; the answers and the notes stay in Jobbtorg.
/// </summary>
internal static class CompleteIntake
{
    public const int MaxYearsSinceLastWork = 60;

    public sealed record Request(
        string? HighestEducation,
        string? SwedishLevel,
        int? YearsSinceLastWork,
        string? JobSeeking,
        bool? RegisteredWithArbetsformedlingen,
        bool? HasDrivingLicence,
        string? Notes);

    public static async Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, JobbtorgDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var referral = await db.FindReferralAsync(id, cancellationToken);
        if (referral is null)
        {
            return CaseProblems.NotFound("Jobbtorg referral", id);
        }

        var errors = new ValidationErrors();
        var education = errors.Code<EducationLevel>("highestEducation", request.HighestEducation, required: true);
        var swedish = errors.Code<SwedishLevel>("swedishLevel", request.SwedishLevel, required: true);
        var jobSeeking = errors.Code<JobSeekingStatus>("jobSeeking", request.JobSeeking, required: true);
        if (request.YearsSinceLastWork is < 0 or > MaxYearsSinceLastWork)
        {
            errors.Add("yearsSinceLastWork", $"Give whole years from 0 to {MaxYearsSinceLastWork}, or leave it out when the person never had paid work.");
        }

        if (request.Notes is { Length: > Limits.FreeText })
        {
            errors.Add("notes", $"At most {Limits.FreeText} characters.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (CaseChanges.RefuseIfClosed(referral) is { } closed)
        {
            return closed;
        }

        if (referral.Intake is not null)
        {
            return CaseProblems.AlreadyDone($"The intake of referral {id} was recorded at {referral.Intake.CompletedAt:u}; it is recorded once.");
        }

        var now = time.GetUtcNow();
        referral.Intake = new InitialMappingPart2
        {
            JobbtorgReferralId = referral.Id,
            HighestEducation = education!.Value,
            SwedishLevel = swedish!.Value,
            YearsSinceLastWork = request.YearsSinceLastWork,
            JobSeeking = jobSeeking!.Value,
            RegisteredWithArbetsformedlingen = request.RegisteredWithArbetsformedlingen ?? false,
            HasDrivingLicence = request.HasDrivingLicence ?? false,
            Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
            CompletedAt = now,
            CompletedBy = user.UserName(),
        };
        referral.Status = ReferralStatus.TakenIn;
        db.Stage(new JobbtorgIntakeCompleted(referral.ReferralId, referral.Id, now), now);
        db.Audit(user, AuditAction.Changed, CaseChanges.CaseType, referral.Id, referral.District, now);
        if (await db.SaveCaseAsync(referral, CaseChanges.CaseName, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok(await GetReferral.ViewAsync(db, referral, cancellationToken));
    }
}
