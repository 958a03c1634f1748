using System.Text.Json.Nodes;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Activities.Composition;

/// <summary>Starts another workflow after this burst (not inline); when waiting, Result becomes the child's output once it finishes.</summary>
[Activity("Elsa", "DispatchWorkflow", Category = "Composition", DisplayName = "Dispatch Workflow", Description = "Start another workflow in the background.")]
public sealed class DispatchWorkflow : Activity
{
    [Input(DisplayName = "Workflow definition", Description = "The definition id of the workflow to start.", UIHint = "workflow-definition-picker", IsRequired = true)]
    public string? WorkflowDefinitionId { get; set; }

    [Input(DisplayName = "Correlation id", Description = "The child's correlation id.")]
    public string? CorrelationId { get; set; }

    [Input(Description = "The child's input.", UIHint = "json-editor")]
    public JsonObject? Input { get; set; }

    [Input(DisplayName = "Wait for completion", Description = "Wait until the child finishes.")]
    public bool WaitForCompletion { get; set; }

    [Output(Description = "The child's output (when waiting).")]
    public object? Result { get; set; }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var childId = await context.DispatchChildWorkflowAsync(WorkflowDefinitionId!, Input ?? [], CorrelationId);
        if (WaitForCompletion)
        {
            context.CreateBookmark(ExecuteWorkflow.BookmarkName, ChildWorkflows.ParentBookmarkPayload(childId), includeActivityInstanceId: false);
        }
        else
        {
            context.Complete();
        }
    }

    public override ValueTask ResumeAsync(ActivityContext context, Bookmark bookmark)
    {
        Result = context.Workflow.Input["__ChildOutput"]?.DeepClone();
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
