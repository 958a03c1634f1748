using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Contracts.Referrals;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Jobbtorg.Endpoints.Referrals;

/// <summary>
/// The coach closes the referral with an outcome of DOMAIN.md §9 (the person got work, started studies, moved,
/// stopped attending …); JobbtorgReferralClosed lets the process close the case. Running interventions are ended
/// first (completed or broken off, the coach knows which); booked ones lapse. The note stays in Jobbtorg.
/// </summary>
internal static class CloseReferral
{
    public sealed record Request(string? Outcome, string? Note);

    private sealed record Input(ClosureOutcome Outcome, string? Note);

    public static Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, JobbtorgDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ReferralChanges.ChangeAsync(db, id, user, time,
            (_, errors, _) => Task.FromResult(new Input(
                errors.Code<ClosureOutcome>("outcome", request.Outcome, required: true) ?? default,
                errors.Note("note", request.Note))),
            (referral, input, now) => referral.Close(input.Outcome, input.Note, now, user.UserName()),
            (referral, _) => db.AnswerAsync(referral, cancellationToken),
            cancellationToken);
}
