namespace Orchestration.Interventions.Domain;

/// <summary>A goal (mål) of the assignment with its sub-goals (delmål).</summary>
public sealed record AssignmentGoal(string Goal, IReadOnlyList<string> SubGoals);
