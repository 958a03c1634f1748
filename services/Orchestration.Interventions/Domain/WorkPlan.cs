namespace Orchestration.Interventions.Domain;

/// <summary>Arbetsplan: what the person does in the intervention and how much (field design is a project decision).</summary>
public sealed record WorkPlan(string Content, int? HoursPerWeek, DateTimeOffset WrittenAt, string WrittenBy);
