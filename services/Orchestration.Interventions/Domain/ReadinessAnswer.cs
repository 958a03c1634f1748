namespace Orchestration.Interventions.Domain;

/// <summary>An answered readiness item; the label is kept as it read then, so later edits of the list change no history.</summary>
public sealed record ReadinessAnswer(string Code, string Label, ReadinessStatus Status, string? Note);
