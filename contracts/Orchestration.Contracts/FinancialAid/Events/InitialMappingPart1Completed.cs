namespace Orchestration.Contracts.FinancialAid.Events;

/// <summary>The reception unit completed initial mapping part 1 (introductory questions at the first phone contact).</summary>
public sealed record InitialMappingPart1Completed(Guid ReferralId, string District, DateTimeOffset CompletedAt);
