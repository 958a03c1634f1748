using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Interventions.Endpoints.Referrals;

/// <summary>
/// Chooses an intervention from the catalogue (a place). The referral stays with the person's district; a place in
/// another district's intervention is a purchase, allowed only when that intervention is open to other districts,
/// and it records the price per place. Any intervention needs a place left. May be changed until the start.
/// </summary>
internal static class ChooseIntervention
{
    public sealed record Request(Guid? InterventionId);

    public static async Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (referral, problem) = await ReferralChanges.FindAsync(db, id, user, cancellationToken);
        if (referral is null)
        {
            return problem!;
        }

        if (request.InterventionId is not { } interventionId || interventionId == Guid.Empty)
        {
            return CaseProblems.Invalid("interventionId", "Required: the id of an intervention in the catalogue.");
        }

        if (referral.RefuseChoice(interventionId) is { } refused)
        {
            return refused.ToProblem();
        }

        var intervention = await db.Catalogue.FirstOrDefaultAsync(c => c.Id == interventionId, cancellationToken);
        if (intervention is null)
        {
            return CaseProblems.NotFound("intervention in the catalogue", interventionId);
        }

        if (referral.BuysFrom(intervention) && !intervention.OpenToOtherDistricts)
        {
            return TypedResults.Problem($"{intervention.Name} ({intervention.ProviderDistrict}) takes participants from its own district only.",
                statusCode: StatusCodes.Status409Conflict, title: "Not open to other districts");
        }

        var taken = await db.Referrals.CountAsync(r => r.InterventionId == intervention.Id && r.State != ReferralState.Closed, cancellationToken);
        if (taken >= intervention.Places)
        {
            return TypedResults.Problem($"{intervention.Name} ({intervention.ProviderDistrict}) has no places left ({intervention.Places} taken).",
                statusCode: StatusCodes.Status409Conflict, title: "No places left");
        }

        var now = time.GetUtcNow();
        if (referral.Choose(intervention, now, user.UserName()) is { } notNow)
        {
            return notNow.ToProblem();
        }

        // Taking a place changes the intervention's version: of two callers racing for its last place, one fails.
        intervention.Version = Guid.NewGuid();
        if (await ReferralChanges.SaveAsync(db, referral, user, now, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok(ReferralResponse.From(referral));
    }
}
