using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Endpoints.ReReferrals;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.Jobbtorg.Endpoints.Referrals;

/// <summary>
/// One referral. Jobbtorg Stockholm is one city-wide administration that takes referrals from every district, so a
/// coach reads any referral; every read is audited.
/// </summary>
internal static class GetReferral
{
    public static async Task<Results<Ok<ReferralResponse>, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, JobbtorgDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var referral = await db.FindReferralAsync(id, cancellationToken);
        if (referral is null)
        {
            return CaseProblems.NotFound(ReferralChanges.CaseName, id);
        }

        db.Audit(user, AuditAction.Read, ReferralChanges.CaseType, referral.Id, referral.District, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ViewAsync(db, referral, cancellationToken));
    }

    /// <summary>The referral as the API shows it, with the re-referral reason's current label.</summary>
    public static async Task<ReferralResponse> ViewAsync(JobbtorgDbContext db, JobbtorgReferral referral, CancellationToken cancellationToken)
    {
        if (referral.ReReferral is not { } reReferral)
        {
            return ReferralResponse.From(referral, null);
        }

        var label = await db.Codes.AsNoTracking()
            .Where(c => c.List == CodeList.ReReferralReason && c.Code == reReferral.ReasonCode)
            .Select(c => c.Label).FirstOrDefaultAsync(cancellationToken);
        return ReferralResponse.From(referral, ReReferralView.From(reReferral, label ?? reReferral.ReasonCode));
    }
}
