namespace Orchestration.Workflows.Activities.Flow;

/// <summary>Runs its body and completes with it.</summary>
[Activity("Elsa", "FlowNode", Category = "Flow", IsBrowsable = false)]
[EmbeddedPort("body")]
public sealed class FlowNode : Activity
{
    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (context.Node.EmbeddedActivity("body") is { } body)
        {
            context.ScheduleChild(body);
        }
        else
        {
            context.Complete();
        }

        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child)
    {
        context.Complete(child.Outcomes);
        return ValueTask.CompletedTask;
    }
}
