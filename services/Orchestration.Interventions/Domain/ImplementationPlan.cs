namespace Orchestration.Interventions.Domain;

/// <summary>Genomförandeplan: how and when the intervention is carried out (field design is a project decision).</summary>
public sealed record ImplementationPlan(string Content, DateOnly? PlannedStartOn, DateOnly? PlannedEndOn, DateTimeOffset WrittenAt, string WrittenBy);
