using System.Text.Json.Nodes;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Activities.Composition;

/// <summary>
/// Runs the published version of another workflow inline as a new instance. When the child finishes (or the
/// parent does not wait) Result is {workflowInstanceId, status, subStatus, output}; when it waits for a child that
/// suspended, the parent waits too and Result becomes the child's output once it finishes.
/// </summary>
[Activity("Elsa", "ExecuteWorkflow", Category = "Composition", DisplayName = "Execute Workflow", Description = "Run another workflow.", Kind = ActivityKind.Task)]
public sealed class ExecuteWorkflow : Activity
{
    public const string BookmarkName = "Elsa.ExecuteWorkflow";

    [Input(DisplayName = "Workflow definition", Description = "The definition id of the workflow to run.", UIHint = "workflow-definition-picker", IsRequired = true)]
    public string? WorkflowDefinitionId { get; set; }

    [Input(DisplayName = "Correlation id", Description = "The child's correlation id.")]
    public string? CorrelationId { get; set; }

    [Input(Description = "The child's input.", UIHint = "json-editor")]
    public JsonObject? Input { get; set; }

    [Input(DisplayName = "Wait for completion", Description = "Wait until the child finishes.")]
    public bool WaitForCompletion { get; set; } = true;

    [Output(Description = "The child's instance and output.")]
    public object? Result { get; set; }

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

        context.CreateBookmark(BookmarkName, ChildWorkflows.ParentBookmarkPayload(state.Id), includeActivityInstanceId: false);
    }

    public override ValueTask ResumeAsync(ActivityContext context, Bookmark bookmark)
    {
        Result = context.Workflow.Input["__ChildOutput"]?.DeepClone();
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
