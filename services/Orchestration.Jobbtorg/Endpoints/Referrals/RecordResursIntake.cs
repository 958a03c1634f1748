using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Jobbtorg.Endpoints.Referrals;

/// <summary>
/// Jobbtorg Resurs takes the person in, with the planned transfer date: the district intervention goes on until
/// then (the overlap), so the person has no gap between the two.
/// </summary>
internal static class RecordResursIntake
{
    public sealed record Request(DateOnly? PlannedTransferOn);

    public static Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, JobbtorgDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ReferralChanges.ChangeAsync(db, id, user, time,
            (referral, errors, now) =>
            {
                var today = ReferralChanges.Today(now);
                if (request.PlannedTransferOn is not { } transferOn || transferOn < today)
                {
                    errors.Add("plannedTransferOn", $"Give the planned transfer date, today ({today:yyyy-MM-dd}) or later.");
                }

                return Task.FromResult(new ResursIntake
                {
                    JobbtorgReferralId = referral.Id,
                    PlannedTransferOn = request.PlannedTransferOn ?? today,
                    CompletedAt = now,
                    CompletedBy = user.UserName(),
                });
            },
            (referral, intake, _) => referral.RecordResursIntake(intake),
            (referral, _) => db.AnswerAsync(referral, cancellationToken),
            cancellationToken);
}
