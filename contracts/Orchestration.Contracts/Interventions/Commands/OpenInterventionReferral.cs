namespace Orchestration.Contracts.Interventions.Commands;

/// <summary>Open a district-intervention referral for the person; the social secretary and work consultant then choose the intervention.</summary>
public sealed record OpenInterventionReferral(Guid ReferralId, Guid PersonId, string District, DateTimeOffset RequestedAt);
