using System.Text.Json.Nodes;
using Orchestration.Workflows.State;
using Orchestration.Workflows.Values;

namespace Orchestration.Workflows.Activities.Control;

/// <summary>Schedules the body for every item at once (each with CurrentValue and CurrentIndex); completes when all are done.</summary>
[Activity("Elsa", "ParallelForEach", Category = "Looping", DisplayName = "Parallel For Each", Description = "Run the body for all items in parallel.")]
[EmbeddedPort("body", DisplayName = "Body")]
public sealed class ParallelForEach : Activity
{
    private const string BreakingKey = "breaking";

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
            context.ScheduleChild(body, new Dictionary<string, JsonNode?>
            {
                ["CurrentValue"] = ValueConverter.ToNode(Items[index]),
                ["CurrentIndex"] = index,
            });
        }

        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child)
    {
        if ((bool?)context.Properties[BreakingKey] == true
            || !context.Children.Any(c => c.Status is ActivityStatus.Pending or ActivityStatus.Running))
        {
            context.Complete();
        }

        return ValueTask.CompletedTask;
    }

    public override bool OnSignal(ActivityContext context, ActivitySignal signal)
    {
        if (signal is not BreakSignal)
        {
            return false;
        }

        context.Properties[BreakingKey] = true;
        return true;
    }
}
