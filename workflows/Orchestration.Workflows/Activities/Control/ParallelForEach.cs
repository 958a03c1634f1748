using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Activities.Control;

/// <summary>Schedules the body for every item at once (each with CurrentValue and CurrentIndex); completes when all are done.</summary>
[Activity("Elsa", "ParallelForEach", Category = "Looping", DisplayName = "Parallel For Each", Description = "Run the body for all items in parallel.")]
[EmbeddedPort("body", DisplayName = "Body")]
public sealed class ParallelForEach : Activity
{
    [Input(Description = "The items to iterate.")]
    public object[] Items { get; set; } = [];

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (Items.Length == 0 || context.Node.EmbeddedActivity("body") is not { } body)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }

        for (var index = 0; index < Items.Length; index++)
        {
            context.ScheduleChild(body, Loops.IterationVariables(Items[index], index));
        }

        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child)
    {
        if (Loops.IsBreaking(context)
            || !context.Children.Any(c => c.Status is ActivityStatus.Pending or ActivityStatus.Running))
        {
            context.Complete();
        }

        return ValueTask.CompletedTask;
    }

    public override bool OnSignal(ActivityContext context, ActivitySignal signal) => Loops.OnBreak(context, signal, stopsSignal: true);
}
