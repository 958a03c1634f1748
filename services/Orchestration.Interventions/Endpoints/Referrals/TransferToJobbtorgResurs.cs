using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Interventions.Endpoints.Referrals;

/// <summary>
/// The social secretary decides the transfer to Jobbtorg Resurs (överföring): possible once the latest follow-up
/// holds their judgment "ready" — the checklist alone never decides. TransferToResursDecided lets the process issue
/// the Resurs referral; the intervention stays open, awaiting the transfer, until the Resurs intake (the overlap of
/// seed 002), when the process closes it with CloseInterventionReferral.
/// </summary>
internal static class TransferToJobbtorgResurs
{
    public sealed record Request(DateOnly? DecidedOn, string? Note);

    private sealed record Input(DateOnly DecidedOn, string? Note);

    public static Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ReferralChanges.ChangeAsync(db, id, user, time,
            (_, errors, now) => new Input(
                errors.PastDate("decidedOn", request.DecidedOn, ReferralChanges.Today(now)),
                errors.Text("note", request.Note, required: false)),
            (referral, input, now) => referral.DecideTransferToResurs(input.DecidedOn, input.Note, now, user.UserName()),
            ReferralChanges.Answer,
            cancellationToken);
}
