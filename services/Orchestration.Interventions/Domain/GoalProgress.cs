namespace Orchestration.Interventions.Domain;

/// <summary>Progress on one goal of the assignment, by its number (1 = the first goal).</summary>
public sealed record GoalProgress(int GoalNumber, GoalAttainment Attainment, string? Note);
