using System.Text.Json.Nodes;
using Orchestration.Workflows.Model;

namespace Orchestration.Workflows.Engine;

/// <summary>Running other workflows from an activity: inline as a new instance (ExecuteWorkflow) or dispatched after the burst.</summary>
public static class ChildWorkflows
{
    internal static async Task<WorkflowDefinition> ResolveAsync(WorkflowExecution execution, string definitionId)
    {
        var resolver = execution.Options.Definitions
            ?? throw new InvalidOperationException("This engine cannot run other workflows: no definition resolver is configured.");
        return await resolver.FindPublishedAsync(definitionId, execution.CancellationToken)
            ?? throw new InvalidOperationException($"Workflow definition '{definitionId}' has no published version to run.");
    }

    internal static async Task<RunResult> RunInlineAsync(WorkflowExecution execution, string definitionId,
        JsonObject input, string? correlationId, bool waitForCompletion)
    {
        if (execution.State.CallDepth + 1 > execution.Options.MaxCallDepth)
        {
            throw new NestingLimitException($"Workflows started each other more than {execution.Options.MaxCallDepth} levels deep ('{definitionId}' again); is a workflow calling itself?");
        }

        var definition = await ResolveAsync(execution, definitionId);
        var result = await execution.Runner.StartAsync(definition, new StartWorkflowOptions
        {
            CorrelationId = correlationId,
            Input = input,
            ParentInstanceId = execution.State.Id,
            District = execution.State.District,
            CallDepth = execution.State.CallDepth + 1,
            Properties = new JsonObject { ["ParentInstanceId"] = execution.State.Id, ["WaitForCompletion"] = waitForCompletion },
        }, execution.CancellationToken);
        execution.Children.Add(result);
        if (NestingLimitException.Caused(result.State))
        {
            // Not a fault of this child alone: the whole chain is the cycle, so this level faults with the same message.
            throw new NestingLimitException(result.State.Incidents.First(i => i.Exception.Type == typeof(NestingLimitException).FullName).Message);
        }

        return result;
    }

    internal static async Task<string> DispatchAsync(WorkflowExecution execution, string definitionId, JsonObject input, string? correlationId)
    {
        await ResolveAsync(execution, definitionId);
        var instanceId = WorkflowIds.New();
        execution.Dispatches.Add(new PendingDispatch(definitionId, instanceId, execution.State.Id, correlationId, input));
        return instanceId;
    }

    /// <summary>The bookmark a waiting parent leaves; the runtime resumes it by this hash when the child finishes.</summary>
    public static JsonObject ParentBookmarkPayload(string childInstanceId) => new() { ["childInstanceId"] = childInstanceId };
}
