namespace Orchestration.Contracts.FinancialAid.Events;

/// <summary>A person applied for financial aid in a district (mapping part 1 begins at this first contact); starts the referral process. ReferralId is the application's id; PersonId is opaque.</summary>
public sealed record ApplicationRegistered(Guid ReferralId, Guid PersonId, string District, DateTimeOffset RegisteredAt);
