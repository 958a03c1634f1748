namespace Orchestration.Contracts.FinancialAid.Events;

/// <summary>The district's case took in Jobbtorg's re-referral and awaits a new route decision.</summary>
public sealed record ReReferralReceived(Guid ReferralId, Guid ReReferralId, string District, DateTimeOffset ReceivedAt);
