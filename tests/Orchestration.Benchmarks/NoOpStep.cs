using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Orchestration.Benchmarks;

/// <summary>The baseline's step: does nothing and moves on, like our Correlate with a literal.</summary>
public sealed class NoOpStep : StepBody
{
    public override ExecutionResult Run(IStepExecutionContext context) => ExecutionResult.Next();
}
