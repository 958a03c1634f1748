namespace Orchestration.Workflows.Activities.Control;

/// <summary>Stops the innermost loop; terminal, so its flowchart completes first.</summary>
[Activity("Elsa", "Break", Category = "Looping", Description = "Break out of the nearest loop.", IsTerminal = true)]
public sealed class Break : Activity
{
    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.Signal(new BreakSignal());
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
