using WorkflowCore.Interface;

namespace Orchestration.Benchmarks;

/// <summary>The baseline workflow: the same number of steps in a line as our benchmark definition.</summary>
public sealed class LinearWorkflow : IWorkflow
{
    public string Id => "linear";

    public int Version => 1;

    public void Build(IWorkflowBuilder<object> builder)
    {
        var step = builder.StartWith<NoOpStep>();
        for (var i = 1; i < WorkflowThroughputBenchmarks.Steps; i++)
        {
            step = step.Then<NoOpStep>();
        }
    }
}
