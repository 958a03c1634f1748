namespace Orchestration.Contracts.FinancialAid.Events;

/// <summary>The individual withdrew a consent; from now on it no longer opens anything.</summary>
public sealed record ConsentWithdrawn(Guid ReferralId, Guid ConsentId, Referrals.ConsentScope Scope, DateTimeOffset WithdrawnAt);
