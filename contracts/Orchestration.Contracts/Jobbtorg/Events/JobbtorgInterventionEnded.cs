namespace Orchestration.Contracts.Jobbtorg.Events;

/// <summary>A Jobbtorg intervention ended; Completed is false when it was broken off (a possible gap with no active intervention).</summary>
public sealed record JobbtorgInterventionEnded(Guid ReferralId, Guid JobbtorgInterventionId, bool Completed, DateTimeOffset EndedAt);
