namespace Orchestration.Contracts.FinancialAid.Events;

/// <summary>The financial-aid case closed with an outcome (DOMAIN.md §9), decided by the social secretary or on a closure reported by another service; the process then closes every open part.</summary>
public sealed record CaseClosed(Guid ReferralId, string District, Referrals.ClosureOutcome Outcome, DateTimeOffset ClosedAt);
