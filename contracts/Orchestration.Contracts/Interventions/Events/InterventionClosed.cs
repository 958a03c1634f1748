namespace Orchestration.Contracts.Interventions.Events;

/// <summary>The district intervention closed with an outcome (DOMAIN.md §9).</summary>
public sealed record InterventionClosed(Guid ReferralId, Guid InterventionReferralId, Referrals.ClosureOutcome Outcome, DateTimeOffset ClosedAt);
