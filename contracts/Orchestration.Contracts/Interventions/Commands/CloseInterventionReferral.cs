namespace Orchestration.Contracts.Interventions.Commands;

/// <summary>Close a district-intervention referral with an outcome: after the Resurs overlap (ToJobbtorg), or because the case closed. InterventionReferralId null closes every open one of the case.</summary>
public sealed record CloseInterventionReferral(Guid ReferralId, Guid? InterventionReferralId, Referrals.ClosureOutcome Outcome, DateTimeOffset RequestedAt);
