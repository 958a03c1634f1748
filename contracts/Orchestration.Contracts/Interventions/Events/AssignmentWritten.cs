namespace Orchestration.Contracts.Interventions.Events;

/// <summary>The written assignment (purpose, goals, sub-goals, tasks, the individual's own view) exists; its text stays in the module.</summary>
public sealed record AssignmentWritten(Guid ReferralId, Guid InterventionReferralId, DateTimeOffset WrittenAt);
