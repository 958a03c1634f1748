namespace Orchestration.Interventions.Domain;

/// <summary>One side of the work ability at a follow-up. A health detail: it never leaves this module.</summary>
public sealed record WorkAbilityAssessment(WorkAbilityLevel Level, string? Note);
