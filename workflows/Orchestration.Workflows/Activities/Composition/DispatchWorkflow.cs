namespace Orchestration.Workflows.Activities.Composition;

/// <summary>Starts another workflow after this burst (not inline); when waiting, Result becomes the child's output once it finishes.</summary>
[Activity("Elsa", "DispatchWorkflow", Category = "Composition", DisplayName = "Dispatch Workflow", Description = "Start another workflow in the background.")]
public sealed class DispatchWorkflow : ChildWorkflowActivity
{
    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var childId = await context.DispatchChildWorkflowAsync(WorkflowDefinitionId!, Input ?? [], CorrelationId);
        if (WaitForCompletion)
        {
            WaitFor(context, childId);
        }
        else
        {
            context.Complete();
        }
    }
}
