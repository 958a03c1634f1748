namespace Orchestration.Workflows.Engine;

public sealed record WorkflowRunnerOptions
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public IWorkflowTextOutput TextOutput { get; init; } = new ConsoleTextOutput();

    /// <summary>Resolves published definitions for ExecuteWorkflow and DispatchWorkflow; without one they fault.</summary>
    public IWorkflowDefinitionResolver? Definitions { get; init; }

    /// <summary>
    /// How deep workflows may run inside each other, started inline (ExecuteWorkflow) or used as activities, before
    /// the engine refuses with an incident (a workflow calling itself).
    /// </summary>
    public int MaxCallDepth { get; init; } = 16;

    /// <summary>
    /// Flowchart mode for instances whose property <c>Flowchart:ExecutionMode</c> is unset: <c>CounterBased</c>
    /// (Elsa's default) or <c>TokenBased</c> (Elsa's <c>FlowchartOptions.DefaultExecutionMode</c>).
    /// </summary>
    public string DefaultFlowchartExecutionMode { get; init; } = "CounterBased";

    /// <summary>When a burst stops and continues in a new one, and when a run that never waits faults; no limits by default.</summary>
    public BurstLimits BurstLimits { get; init; } = new();
}
