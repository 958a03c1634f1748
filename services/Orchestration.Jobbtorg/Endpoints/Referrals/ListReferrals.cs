using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Contracts.Referrals;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.Jobbtorg.Endpoints.Referrals;

/// <summary>Referrals from every district, newest first, filtered; each listed referral is audited as read.</summary>
internal static class ListReferrals
{
    public const int MaxCount = 200;

    public static async Task<Results<Ok<List<ReferralSummary>>, ValidationProblem>> Handle(
        ClaimsPrincipal user, JobbtorgDbContext db, TimeProvider time, CancellationToken cancellationToken,
        string? status = null, string? unit = null, string? district = null, Guid? referralId = null, bool? fiaRequested = null)
    {
        var errors = new ValidationErrors();
        var query = db.Referrals.AsNoTracking();
        if (status is not null && errors.Code<ReferralStatus>("status", status, required: true) is { } wantedStatus)
        {
            query = query.Where(r => r.Status == wantedStatus);
        }

        if (unit is not null && errors.Code<JobbtorgUnit>("unit", unit, required: true) is { } wantedUnit)
        {
            query = query.Where(r => r.Unit == wantedUnit);
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!string.IsNullOrWhiteSpace(district))
        {
            var wantedDistrict = district.Trim().ToLowerInvariant();
            query = query.Where(r => r.District == wantedDistrict);
        }

        if (referralId is { } wantedReferral)
        {
            query = query.Where(r => r.ReferralId == wantedReferral);
        }

        if (fiaRequested is { } requested)
        {
            // The coach's work list of FIA parts the social secretaries asked for.
            query = requested ? query.Where(r => r.FiaRequestedAt != null) : query.Where(r => r.FiaRequestedAt == null);
        }

        var found = await query.OrderByDescending(r => r.ReceivedAt).Take(MaxCount)
            .Select(r => new ReferralSummary(r.Id, r.ReferralId, r.PersonId, r.District, r.Unit, r.Status, r.ReceivedAt, r.FiaOnly, r.FiaRequestedAt))
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var referral in found)
        {
            db.Audit(user, AuditAction.Read, ReferralChanges.CaseType, referral.JobbtorgReferralId, referral.District, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(found);
    }
}
