using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.Interventions.Endpoints.Referrals;

internal static class GetFollowUp
{
    public static async Task<Results<Ok<FollowUpResponse>, ProblemHttpResult>> Handle(
        Guid id, Guid followUpId, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (referral, problem) = await ReferralChanges.FindAsync(db, id, user, cancellationToken);
        if (referral is null)
        {
            return problem!;
        }

        if (referral.FollowUps.FirstOrDefault(f => f.Id == followUpId) is not { } followUp)
        {
            return CaseProblems.NotFound("follow-up", followUpId);
        }

        db.Audit(user, AuditAction.Read, ReferralChanges.CaseType, referral.Id, referral.District, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(FollowUpResponse.From(followUp));
    }
}
