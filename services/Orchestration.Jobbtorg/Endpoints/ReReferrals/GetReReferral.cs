using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Jobbtorg.Endpoints.ReReferrals;

/// <summary>
/// A re-referral's reason, which the message leaves out: a Jobbtorg coach reads any, a social secretary only those
/// of their own district. Every read is audited.
/// </summary>
internal static class GetReReferral
{
    public const string CaseType = nameof(ReReferral);

    public static async Task<Results<Ok<ReReferralView>, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, JobbtorgDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var reReferral = await db.ReReferrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (reReferral is null)
        {
            return CaseProblems.NotFound("re-referral", id);
        }

        if (!user.IsInRole(Roles.JobbtorgCoach) && DistrictAccess.Check(user, reReferral.District) is { } refused)
        {
            return refused;
        }

        var label = await db.Codes.AsNoTracking()
            .Where(c => c.List == CodeList.ReReferralReason && c.Code == reReferral.ReasonCode)
            .Select(c => c.Label).FirstOrDefaultAsync(cancellationToken);
        db.Audit(user, AuditAction.Read, CaseType, reReferral.Id, reReferral.District, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ReReferralView.From(reReferral, label ?? reReferral.ReasonCode));
    }
}
