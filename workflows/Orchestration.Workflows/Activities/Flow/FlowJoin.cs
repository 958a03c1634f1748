namespace Orchestration.Workflows.Activities.Flow;

/// <summary>Merges branches; the waiting is the flowchart's (ELSA-SEMANTICS.md §2.3), the join itself just completes.</summary>
[Activity("Elsa", "FlowJoin", Category = "Branching", DisplayName = "Join", Description = "Merge branches.")]
public sealed class FlowJoin : CodeActivity
{
    [Input(Description = "Wait for every branch, every active branch, or the first.", UIHint = "dropdown")]
    public FlowJoinMode Mode { get; set; } = FlowJoinMode.WaitAny;

    public override ValueTask ExecuteAsync(ActivityContext context) => ValueTask.CompletedTask;
}
