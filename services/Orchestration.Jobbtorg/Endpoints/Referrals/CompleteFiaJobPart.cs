using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Jobbtorg.Endpoints.Referrals;

/// <summary>
/// The FIA education and job-seeking part, once: after Jobbtorg has met the person, or at any time once the social
/// secretary asked for it (RequestFiaJobPart), also on a record opened for that request alone.
/// </summary>
internal static class CompleteFiaJobPart
{
    public sealed record Request(string? Goal, bool? NeedsValidation, string? Notes);

    public static Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, JobbtorgDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ReferralChanges.ChangeAsync(db, id, user, time,
            (referral, errors, now) => Task.FromResult(new FiaJobPart
            {
                JobbtorgReferralId = referral.Id,
                Goal = errors.Code<WorkGoal>("goal", request.Goal, required: true) ?? default,
                NeedsValidation = request.NeedsValidation ?? false,
                Notes = errors.Note("notes", request.Notes),
                CompletedAt = now,
                CompletedBy = user.UserName(),
            }),
            (referral, part, _) => referral.CompleteFiaJobPart(part),
            (referral, _) => db.AnswerAsync(referral, cancellationToken),
            cancellationToken);
}
