namespace Orchestration.Interventions.Domain;

/// <summary>Fysisk-psykisk-social arbetsförmåga (DOMAIN.md §5). Health details: they never leave this module.</summary>
public sealed record WorkAbility(WorkAbilityAssessment Physical, WorkAbilityAssessment Psychological, WorkAbilityAssessment Social);
