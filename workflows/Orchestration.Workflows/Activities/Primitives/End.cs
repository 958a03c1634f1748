namespace Orchestration.Workflows.Activities.Primitives;

/// <summary>Completes the enclosing flowchart; running siblings are cancelled.</summary>
[Activity("Elsa", "End", Category = "Flow", Description = "Ends the flowchart it is in.", IsTerminal = true)]
public sealed class End : CodeActivity
{
    public override ValueTask ExecuteAsync(ActivityContext context) => ValueTask.CompletedTask;
}
