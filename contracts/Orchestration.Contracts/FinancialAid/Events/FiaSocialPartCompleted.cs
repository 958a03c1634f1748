namespace Orchestration.Contracts.FinancialAid.Events;

/// <summary>The social secretary completed the social situation and health part of the in-depth assessment (FIA).</summary>
public sealed record FiaSocialPartCompleted(Guid ReferralId, string District, DateTimeOffset CompletedAt);
