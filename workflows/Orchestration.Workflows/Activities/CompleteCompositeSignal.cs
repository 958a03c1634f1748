namespace Orchestration.Workflows.Activities;

/// <summary>Sent by Complete; the nearest composite (the workflow) completes with these outcomes.</summary>
public sealed record CompleteCompositeSignal(IReadOnlyList<string> Outcomes) : ActivitySignal;
