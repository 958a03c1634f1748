namespace Orchestration.Workflows.Engine;

public sealed record WorkflowRunnerOptions
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public IWorkflowTextOutput TextOutput { get; init; } = new ConsoleTextOutput();
}
