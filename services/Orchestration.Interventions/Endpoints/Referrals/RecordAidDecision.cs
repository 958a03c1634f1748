using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Interventions.Persistence;

namespace Orchestration.Interventions.Endpoints.Referrals;

/// <summary>Records the aid decision (beslut om bistånd) behind the participation, e.g. after a start that warned it was missing.</summary>
internal static class RecordAidDecision
{
    public sealed record Request(string? Reference);

    public static Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ReferralChanges.ChangeAsync(db, id, user, time,
            (_, errors, _) => errors.Text("reference", request.Reference, required: true, maxLength: 100) ?? "",
            (referral, reference, _) => referral.RecordAidDecision(reference),
            ReferralChanges.Answer,
            cancellationToken);
}
