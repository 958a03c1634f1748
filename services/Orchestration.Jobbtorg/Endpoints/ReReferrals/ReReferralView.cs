using Orchestration.Jobbtorg.Domain;

namespace Orchestration.Jobbtorg.Endpoints.ReReferrals;

/// <summary>A re-referral with its reason: for the coach and for the social secretary of the referral's district.</summary>
public sealed record ReReferralView(Guid ReReferralId, Guid JobbtorgReferralId, Guid ReferralId, string District, string ReasonCode,
    string ReasonLabel, string? ReasonText, DateTimeOffset ReReferredAt, string ReReferredBy)
{
    public static ReReferralView From(ReReferral r, string reasonLabel) =>
        new(r.Id, r.JobbtorgReferralId, r.ReferralId, r.District, r.ReasonCode, reasonLabel, r.ReasonText, r.ReReferredAt, r.ReReferredBy);
}
