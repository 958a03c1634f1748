using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Contracts.Referrals;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Interventions.Endpoints.Referrals;

/// <summary>
/// The caseworker closes the intervention referral with an outcome of DOMAIN.md §9, at any step (a person may move
/// or lose contact before the start), also while it awaits the transfer to Jobbtorg Resurs. The place is freed. A
/// practice or work training that starts is a next step, not a closure.
/// </summary>
internal static class CloseReferral
{
    public sealed record Request(string? Outcome, DateOnly? ClosedOn, string? Note);

    private sealed record Input(ClosureOutcome Outcome, DateOnly ClosedOn, string? Note);

    private static readonly string[] NotOutcomes = ["Practice", "Praktik", "WorkTraining", "Arbetsträning"];

    public static Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ReferralChanges.ChangeAsync(db, id, user, time,
            (_, errors, now) => new Input(
                ReadOutcome(errors, request.Outcome),
                errors.PastDate("closedOn", request.ClosedOn, ReferralChanges.Today(now)),
                errors.Text("note", request.Note, required: false)),
            (referral, input, now) => referral.Close(input.Outcome, input.ClosedOn, input.Note, now, user.UserName()),
            ReferralChanges.Answer,
            cancellationToken);

    private static ClosureOutcome ReadOutcome(ValidationErrors errors, string? outcome)
    {
        if (NotOutcomes.Any(n => string.Equals(n, outcome?.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("outcome", "A practice or work training that starts is a next step, not a closure: keep the intervention open and follow it up.");
            return default;
        }

        return errors.Code<ClosureOutcome>("outcome", outcome, required: true) ?? default;
    }
}
