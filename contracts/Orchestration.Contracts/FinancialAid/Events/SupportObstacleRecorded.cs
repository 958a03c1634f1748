namespace Orchestration.Contracts.FinancialAid.Events;

/// <summary>The social secretary recorded the person's support obstacle; the category stays in the financial-aid module.</summary>
public sealed record SupportObstacleRecorded(Guid ReferralId, string District, DateTimeOffset RecordedAt);
