using System.Text.Json.Nodes;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Activities.Composition;

/// <summary>
/// Runs the published version of another workflow inline as a new instance. When the child finishes (or the
/// parent does not wait) Result is {workflowInstanceId, status, subStatus, output}; when it waits for a child that
/// suspended, the parent waits too and Result becomes the child's output once it finishes.
/// </summary>
[Activity("Elsa", "ExecuteWorkflow", Category = "Composition", DisplayName = "Execute Workflow", Description = "Run another workflow.", Kind = ActivityKind.Task)]
public sealed class ExecuteWorkflow : ChildWorkflowActivity
{
    public ExecuteWorkflow()
    {
        WaitForCompletion = true;
    }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var child = await context.RunChildWorkflowAsync(WorkflowDefinitionId!, Input ?? [], CorrelationId, WaitForCompletion);
        var state = child.State;
        if (state.Status == WorkflowStatus.Finished || !WaitForCompletion)
        {
            Result = new JsonObject
            {
                ["workflowInstanceId"] = state.Id,
                ["status"] = state.Status.ToString(),
                ["subStatus"] = state.SubStatus.ToString(),
                ["output"] = state.Output.DeepClone(),
            };
            context.Complete();
            return;
        }

        WaitFor(context, state.Id);
    }
}
