namespace Orchestration.Contracts.Jobbtorg.Events;

/// <summary>A Jobbtorg intervention started; it may run in parallel with a district intervention.</summary>
public sealed record JobbtorgInterventionStarted(Guid ReferralId, Guid JobbtorgInterventionId, DateTimeOffset StartedAt);
