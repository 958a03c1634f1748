namespace Orchestration.Workflows.Activities.Flow;

[Activity("Elsa", "FlowDecision", Category = "Branching", DisplayName = "Decision", Description = "Continue on True or False.")]
[FlowNode("True", "False")]
public sealed class FlowDecision : Activity
{
    [Input(Description = "The condition to evaluate.", UIHint = "singleline")]
    public bool Condition { get; set; }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.Complete(Condition ? "True" : "False");
        return ValueTask.CompletedTask;
    }
}
