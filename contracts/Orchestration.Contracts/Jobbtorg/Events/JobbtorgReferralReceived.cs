namespace Orchestration.Contracts.Jobbtorg.Events;

/// <summary>Jobbtorg (or Jobbtorg Resurs) received a referral and opened its own record for it.</summary>
public sealed record JobbtorgReferralReceived(Guid ReferralId, Guid JobbtorgReferralId, string District, Referrals.JobbtorgUnit Unit, DateTimeOffset ReceivedAt);
