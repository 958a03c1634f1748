using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Auditing;

namespace Orchestration.Interventions.Endpoints.Referrals;

internal static class GetReferral
{
    public static async Task<Results<Ok<ReferralResponse>, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (referral, problem) = await ReferralChanges.FindAsync(db, id, user, cancellationToken);
        if (referral is null)
        {
            return problem!;
        }

        db.Audit(user, AuditAction.Read, ReferralChanges.CaseType, referral.Id, referral.District, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ReferralResponse.From(referral));
    }
}
