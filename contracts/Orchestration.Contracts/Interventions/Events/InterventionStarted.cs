namespace Orchestration.Contracts.Interventions.Events;

/// <summary>The person started the district intervention; follow-ups are due from here.</summary>
public sealed record InterventionStarted(Guid ReferralId, Guid InterventionReferralId, Guid InterventionId, string District, DateTimeOffset StartedAt);
