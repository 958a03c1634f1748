namespace Orchestration.Workflows.Activities;

/// <summary>Sent by Break; the nearest loop stops after the current iteration.</summary>
public sealed record BreakSignal : ActivitySignal;
