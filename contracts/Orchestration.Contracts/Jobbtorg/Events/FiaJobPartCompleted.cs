namespace Orchestration.Contracts.Jobbtorg.Events;

/// <summary>Jobbtorg completed the education and job-seeking part of the in-depth assessment (FIA).</summary>
public sealed record FiaJobPartCompleted(Guid ReferralId, Guid JobbtorgReferralId, DateTimeOffset CompletedAt);
