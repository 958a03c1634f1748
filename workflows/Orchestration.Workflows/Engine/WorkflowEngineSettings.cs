using Orchestration.Workflows.Expressions;

namespace Orchestration.Workflows.Engine;

/// <summary>What a host may configure about the engine: expression sandboxes, nesting depth, the default flowchart mode.</summary>
public sealed record WorkflowEngineSettings
{
    public JavaScriptOptions JavaScript { get; init; } = new();

    public LiquidOptions Liquid { get; init; } = new();

    /// <inheritdoc cref="WorkflowRunnerOptions.MaxCallDepth"/>
    public int MaxCallDepth { get; init; } = 16;

    /// <inheritdoc cref="WorkflowRunnerOptions.DefaultFlowchartExecutionMode"/>
    public string DefaultFlowchartExecutionMode { get; init; } = "CounterBased";
}
