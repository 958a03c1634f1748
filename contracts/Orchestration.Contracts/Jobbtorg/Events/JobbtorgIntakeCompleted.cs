namespace Orchestration.Contracts.Jobbtorg.Events;

/// <summary>The first Jobbtorg visit took place and initial mapping part 2 (education and job seeking) is complete.</summary>
public sealed record JobbtorgIntakeCompleted(Guid ReferralId, Guid JobbtorgReferralId, DateTimeOffset CompletedAt);
