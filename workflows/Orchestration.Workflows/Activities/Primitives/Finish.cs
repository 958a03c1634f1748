namespace Orchestration.Workflows.Activities.Primitives;

/// <summary>Ends the whole instance at once: no queued work and no bookmarks remain.</summary>
[Activity("Elsa", "Finish", Category = "Primitives", Description = "Finishes the workflow instance.", IsTerminal = true)]
public sealed class Finish : Activity
{
    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.Complete();
        context.FinishWorkflow();
        return ValueTask.CompletedTask;
    }
}
