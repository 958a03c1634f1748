using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Persistence;
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

    public static Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, JobbtorgDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ReferralChanges.ChangeAsync(db, id, user, time,
            (referral, errors, now) =>
            {
                var intake = new InitialMappingPart2
                {
                    JobbtorgReferralId = referral.Id,
                    HighestEducation = errors.Code<EducationLevel>("highestEducation", request.HighestEducation, required: true) ?? default,
                    SwedishLevel = errors.Code<SwedishLevel>("swedishLevel", request.SwedishLevel, required: true) ?? default,
                    YearsSinceLastWork = request.YearsSinceLastWork,
                    JobSeeking = errors.Code<JobSeekingStatus>("jobSeeking", request.JobSeeking, required: true) ?? default,
                    RegisteredWithArbetsformedlingen = request.RegisteredWithArbetsformedlingen ?? false,
                    HasDrivingLicence = request.HasDrivingLicence ?? false,
                    Notes = errors.Note("notes", request.Notes),
                    CompletedAt = now,
                    CompletedBy = user.UserName(),
                };
                if (request.YearsSinceLastWork is < 0 or > MaxYearsSinceLastWork)
                {
                    errors.Add("yearsSinceLastWork", $"Give whole years from 0 to {MaxYearsSinceLastWork}, or leave it out when the person never had paid work.");
                }

                return Task.FromResult(intake);
            },
            (referral, intake, _) => referral.RecordIntake(intake),
            (referral, _) => db.AnswerAsync(referral, cancellationToken),
            cancellationToken);
}
