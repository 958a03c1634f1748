namespace Orchestration.Workflows.Activities;

/// <summary>A message a running activity sends up its ancestors.</summary>
public abstract record ActivitySignal;
