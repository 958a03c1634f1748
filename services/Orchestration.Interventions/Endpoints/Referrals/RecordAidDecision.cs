using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.Interventions.Endpoints.Referrals;

/// <summary>Records the aid decision (beslut om bistånd) behind the participation, e.g. after a start that warned it was missing.</summary>
internal static class RecordAidDecision
{
    public sealed record Request(string? Reference);

    public static async Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (referral, problem) = await ReferralLookup.FindOpenAsync(db, id, user, cancellationToken);
        if (referral is null)
        {
            return problem!;
        }

        var errors = new ValidationErrors();
        var reference = errors.Text("reference", request.Reference, required: true, maxLength: 100);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var now = time.GetUtcNow();
        referral.AidDecisionReference = reference;
        return await ReferralLookup.SaveChangeAsync(db, referral, user, now, cancellationToken) is { } conflict
            ? conflict
            : TypedResults.Ok(ReferralResponse.From(referral));
    }
}
