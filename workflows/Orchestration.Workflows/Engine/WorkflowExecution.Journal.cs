using System.Text.Json.Nodes;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Engine;

/// <summary>Journal entries and the executions a burst touched (ELSA-SEMANTICS.md §9).</summary>
internal sealed partial class WorkflowExecution
{
    private void Write(ActivityExecutionState execution, string eventName, string? message = null, JsonNode? payload = null)
    {
        var node = NodeOf(execution);
        Journal.Add(new JournalEntry(WorkflowIds.New(), State.Id, execution.Id, execution.ParentId, execution.ActivityId, execution.ActivityType,
            execution.ActivityTypeVersion, execution.ActivityName, execution.NodeId, Time.GetUtcNow(), ++State.JournalSequence,
            eventName, message, node?.CustomProperties["source"]?.ToString(), payload));
    }

    private void Touch(ActivityExecutionState execution) => Touched[execution.Id] = execution;
}
