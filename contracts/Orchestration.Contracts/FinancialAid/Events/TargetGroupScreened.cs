namespace Orchestration.Contracts.FinancialAid.Events;

/// <summary>The district screened whether the person belongs to one of Jobbtorg's target groups (DOMAIN.md §8); the answer alone, never the grounds.</summary>
public sealed record TargetGroupScreened(Guid ReferralId, string District, bool InJobbtorgTargetGroup, DateTimeOffset ScreenedAt);
