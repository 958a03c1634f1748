namespace Orchestration.Contracts.Interventions.Events;

/// <summary>A district-intervention referral was opened and awaits the choice of an intervention.</summary>
public sealed record InterventionReferralOpened(Guid ReferralId, Guid InterventionReferralId, string District, DateTimeOffset OpenedAt);
