using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Contracts.Interventions.Events;
using Orchestration.Contracts.Referrals;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Interventions.Endpoints.Referrals;

/// <summary>
/// Closes the intervention referral with an outcome of DOMAIN.md §9, at any step (a person may move or lose contact
/// before the start). The place is freed. A practice or work training that starts is a next step, not a closure.
/// </summary>
internal static class CloseReferral
{
    public sealed record Request(string? Outcome, DateOnly? ClosedOn, string? Note);

    private static readonly string[] NotOutcomes = ["Practice", "Praktik", "WorkTraining", "Arbetsträning"];

    public static async Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (referral, problem) = await ReferralLookup.FindOpenAsync(db, id, user, cancellationToken);
        if (referral is null)
        {
            return problem!;
        }

        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        ClosureOutcome? outcome;
        if (NotOutcomes.Any(n => string.Equals(n, request.Outcome?.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("outcome", "A practice or work training that starts is a next step, not a closure: keep the intervention open and follow it up.");
            outcome = null;
        }
        else
        {
            outcome = errors.Code<ClosureOutcome>("outcome", request.Outcome, required: true);
        }

        var closedOn = errors.PastDate("closedOn", request.ClosedOn, DateOnly.FromDateTime(now.UtcDateTime));
        var note = errors.Text("note", request.Note, required: false);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        Close(referral, outcome!.Value, closedOn, note, user, now);
        db.Stage(new InterventionClosed(referral.ReferralId, referral.Id, outcome.Value, now), now);
        return await ReferralLookup.SaveChangeAsync(db, referral, user, now, cancellationToken) is { } conflict
            ? conflict
            : TypedResults.Ok(ReferralResponse.From(referral));
    }

    internal static void Close(InterventionReferral referral, ClosureOutcome outcome, DateOnly closedOn, string? note, ClaimsPrincipal user, DateTimeOffset now)
    {
        referral.State = ReferralState.Closed;
        referral.Outcome = outcome;
        referral.ClosedOn = closedOn;
        referral.ClosedAt = now;
        referral.ClosedBy = user.UserName();
        referral.ClosingNote = note;
    }
}
