namespace Orchestration.Contracts.FinancialAid.Events;

/// <summary>The financial aid unit completed initial mapping part 3 at the new visit; its content stays in the financial-aid module.</summary>
public sealed record InitialMappingPart3Completed(Guid ReferralId, string District, DateTimeOffset CompletedAt);
