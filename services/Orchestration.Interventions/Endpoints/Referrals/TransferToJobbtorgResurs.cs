using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Contracts.Interventions.Events;
using Orchestration.Contracts.Referrals;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging.Outbox;

namespace Orchestration.Interventions.Endpoints.Referrals;

/// <summary>
/// Transfers the person to Jobbtorg Resurs (överföring): possible once the latest follow-up holds the social
/// secretary's judgment "ready" — the checklist alone never decides. Closes the intervention with the outcome
/// ToJobbtorg; any overlap with Resurs happens before this step, while the intervention still runs.
/// </summary>
internal static class TransferToJobbtorgResurs
{
    public sealed record Request(DateOnly? TransferredOn, string? Note);

    public static async Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (referral, problem) = await ReferralLookup.FindOpenAsync(db, id, user, cancellationToken);
        if (referral is null)
        {
            return problem!;
        }

        if (referral.State != ReferralState.Started)
        {
            return CaseProblems.OutOfOrder("Only a started intervention is transferred to Jobbtorg Resurs.");
        }

        var latest = referral.FollowUps.OrderBy(f => f.HeldOn).ThenBy(f => f.RecordedAt).LastOrDefault();
        if (latest is not { ReadyForJobbtorgResurs: true })
        {
            return CaseProblems.OutOfOrder(
                "The latest follow-up does not hold the social secretary's judgment that the person is ready for Jobbtorg Resurs; record a follow-up with that judgment first.");
        }

        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        var transferredOn = errors.PastDate("transferredOn", request.TransferredOn, DateOnly.FromDateTime(now.UtcDateTime));
        var note = errors.Text("note", request.Note, required: false);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        CloseReferral.Close(referral, ClosureOutcome.ToJobbtorg, transferredOn, note, user, now);
        referral.TransferredToJobbtorgResurs = true;
        db.Stage(new InterventionClosed(referral.ReferralId, referral.Id, ClosureOutcome.ToJobbtorg, now), now);
        return await ReferralLookup.SaveChangeAsync(db, referral, user, now, cancellationToken) is { } conflict
            ? conflict
            : TypedResults.Ok(ReferralResponse.From(referral));
    }
}
