namespace Orchestration.Workflows.Activities.Primitives;

[Activity("Elsa", "Start", Category = "Flow", Description = "The start of the workflow.", IsStart = true)]
public sealed class Start : CodeActivity
{
    public override ValueTask ExecuteAsync(ActivityContext context) => ValueTask.CompletedTask;
}
