using Orchestration.Workflows.Model;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Activities;

/// <summary>What a container learns when one of its children ends.</summary>
public sealed record ChildCompletion(ActivityNode Node, ActivityExecutionState Execution, IReadOnlyList<string> Outcomes)
{
    public bool Canceled => Execution.Status == ActivityStatus.Canceled;
}
