using System.Text.Json.Nodes;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Activities.Composition;

/// <summary>What ExecuteWorkflow and DispatchWorkflow share: which workflow, its input and correlation, and the wait for its output.</summary>
public abstract class ChildWorkflowActivity : Activity
{
    /// <summary>The bookmark a waiting parent leaves; the runtime resumes it when the child finishes.</summary>
    public const string BookmarkName = "Elsa.ExecuteWorkflow";

    [Input(DisplayName = "Workflow definition", Description = "The definition id of the workflow to run.", UIHint = "workflow-definition-picker", IsRequired = true)]
    public string? WorkflowDefinitionId { get; set; }

    [Input(DisplayName = "Correlation id", Description = "The child's correlation id.")]
    public string? CorrelationId { get; set; }

    [Input(Description = "The child's input.", UIHint = "json-editor")]
    public JsonObject? Input { get; set; }

    [Input(DisplayName = "Wait for completion", Description = "Wait until the child finishes.")]
    public bool WaitForCompletion { get; set; }

    [Output(Description = "The child's output, or its instance when not waiting.")]
    public object? Result { get; set; }

    /// <summary>The child finished later: its output arrives as the resume input.</summary>
    public override ValueTask ResumeAsync(ActivityContext context, Bookmark bookmark)
    {
        Result = context.Workflow.Input["__ChildOutput"]?.DeepClone();
        context.Complete();
        return ValueTask.CompletedTask;
    }

    protected static void WaitFor(ActivityContext context, string childInstanceId) =>
        context.CreateBookmark(BookmarkName, Engine.ChildWorkflows.ParentBookmarkPayload(childInstanceId), includeActivityInstanceId: false);
}
