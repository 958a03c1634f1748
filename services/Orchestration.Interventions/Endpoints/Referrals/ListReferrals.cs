using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Interventions.Endpoints.Referrals;

/// <summary>The intervention referrals of the caller's district, newest first; each one listed is audited as read.</summary>
internal static class ListReferrals
{
    public const int Limit = 200;

    public sealed record Summary(
        Guid InterventionReferralId, Guid ReferralId, Guid PersonId, ReferralState State, DateTimeOffset OpenedAt,
        Guid? InterventionId, string? InterventionName, DateOnly? StartedOn, Orchestration.Contracts.Referrals.ClosureOutcome? Outcome);

    public static async Task<Results<Ok<List<Summary>>, ValidationProblem, ProblemHttpResult>> Handle(
        string? state, Guid? personId, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var district = user.FindFirstValue(OrchestrationClaims.District);
        if (district is null)
        {
            return DistrictAccess.Check(user, "")!;
        }

        var errors = new ValidationErrors();
        var wanted = errors.Code<ReferralState>("state", state, required: false);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.Referrals.AsNoTracking().Where(r => r.District == district);
        if (wanted is { } s)
        {
            query = query.Where(r => r.State == s);
        }

        if (personId is { } person)
        {
            query = query.Where(r => r.PersonId == person);
        }

        var found = await query
            .OrderByDescending(r => r.OpenedAt)
            .Take(Limit)
            .Select(r => new Summary(r.Id, r.ReferralId, r.PersonId, r.State, r.OpenedAt, r.InterventionId, r.InterventionName, r.StartedOn, r.Outcome))
            .ToListAsync(cancellationToken);

        var now = time.GetUtcNow();
        foreach (var referral in found)
        {
            db.Audit(user, AuditAction.Read, ReferralChanges.CaseType, referral.InterventionReferralId, district, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(found);
    }
}
