namespace Orchestration.Workflows.Engine;

/// <summary>
/// Workflows ran inside each other deeper than <see cref="WorkflowRunnerOptions.MaxCallDepth"/>: a cycle such as
/// W1 → W2 → W1. Every level of the chain faults with it, so the instance a caller started shows the cause.
/// </summary>
public sealed class NestingLimitException(string message) : Exception(message)
{
    public static bool Caused(State.WorkflowState state) =>
        state.SubStatus == State.WorkflowSubStatus.Faulted && state.Incidents.Any(i => i.Exception.Type == typeof(NestingLimitException).FullName);
}
