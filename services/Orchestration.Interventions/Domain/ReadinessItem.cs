namespace Orchestration.Interventions.Domain;

/// <summary>One item of the editable readiness checklist for Jobbtorg Resurs (DOMAIN.md §6).</summary>
public sealed record ReadinessItem(string Code, string Label);
