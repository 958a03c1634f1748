using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Interventions.Endpoints.Referrals;

/// <summary>Loads a referral for a caller: 404 when unknown, 403 when it belongs to another district.</summary>
internal static class ReferralLookup
{
    public const string CaseType = nameof(InterventionReferral);

    public static async Task<(InterventionReferral? Referral, ProblemHttpResult? Problem)> FindAsync(
        InterventionsDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals
            .Include(r => r.Talks)
            .Include(r => r.FollowUps)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral is null)
        {
            return (null, CaseProblems.NotFound("intervention referral", id));
        }

        return DistrictAccess.Check(user, referral.District) is { } refused ? (null, refused) : (referral, null);
    }

    /// <summary>As <see cref="FindAsync"/>, and 409 when the referral is closed: nothing more is recorded on it.</summary>
    public static async Task<(InterventionReferral? Referral, ProblemHttpResult? Problem)> FindOpenAsync(
        InterventionsDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (referral, problem) = await FindAsync(db, id, user, cancellationToken);
        return referral is not null && RefuseWhenClosed(referral) is { } closed ? (null, closed) : (referral, problem);
    }

    /// <summary>
    /// Audits the change and commits it with its staged messages. The version changes, so of two parallel edits the
    /// later one fails with 409 and changes nothing (e.g. two callers taking the last place).
    /// </summary>
    public static async Task<ProblemHttpResult?> SaveChangeAsync(InterventionsDbContext db, InterventionReferral referral, ClaimsPrincipal user,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.Audit(user, AuditAction.Changed, CaseType, referral.Id, referral.District, now);
        return await db.SaveCaseAsync(referral, "intervention referral", cancellationToken);
    }

    public static ProblemHttpResult? RefuseWhenClosed(InterventionReferral referral) =>
        referral.State == ReferralState.Closed
            ? CaseProblems.OutOfOrder($"The intervention referral {referral.Id} is closed; nothing more is recorded on it.")
            : null;
}
