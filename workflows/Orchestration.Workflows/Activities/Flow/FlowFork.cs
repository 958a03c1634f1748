namespace Orchestration.Workflows.Activities.Flow;

/// <summary>Continues on every branch at once; the branch names are its ports.</summary>
[Activity("Elsa", "FlowFork", Category = "Branching", DisplayName = "Fork (flow)", Description = "Continue on several branches in parallel.")]
public sealed class FlowFork : Activity
{
    [Input(Description = "The branch names.", UIHint = "dynamic-outcomes")]
    public string[] Branches { get; set; } = [];

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.Complete(Branches.Length == 0 ? ["Done"] : Branches);
        return ValueTask.CompletedTask;
    }
}
