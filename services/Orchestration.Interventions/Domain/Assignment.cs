namespace Orchestration.Interventions.Domain;

/// <summary>
/// The written assignment (skriftlig beskrivning av uppdraget, DOMAIN.md §3): purpose, goals and sub-goals, the
/// tasks the person will do, what concretely is to be achieved and the person's own view of the planning.
/// </summary>
public sealed record Assignment(
    string Purpose,
    IReadOnlyList<AssignmentGoal> Goals,
    IReadOnlyList<string> Tasks,
    string ExpectedResult,
    string IndividualView,
    DateTimeOffset WrittenAt,
    string WrittenBy);
