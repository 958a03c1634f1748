namespace Orchestration.Contracts.FinancialAid.Commands;

/// <summary>Put Jobbtorg's re-referral (återremittering) on the district's case; the social secretary reads its reason in Jobbtorg's API.</summary>
public sealed record ReceiveReReferral(Guid ReferralId, Guid ReReferralId, string District, DateTimeOffset ReReferredAt);
