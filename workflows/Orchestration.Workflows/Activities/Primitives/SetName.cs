namespace Orchestration.Workflows.Activities.Primitives;

[Activity("Elsa", "SetName", Category = "Primitives", DisplayName = "Set Name", Description = "Set the name of the workflow instance.")]
public sealed class SetName : CodeActivity
{
    [Input(Description = "The instance name.")]
    public string? Value { get; set; }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.Workflow.Name = Value;
        return ValueTask.CompletedTask;
    }
}
