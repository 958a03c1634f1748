namespace Orchestration.Workflows.Activities.Control;

/// <summary>Runs its body once per item, in order, with variables CurrentValue and CurrentIndex; stops early on Break.</summary>
[Activity("Elsa", "ForEach", Category = "Looping", DisplayName = "For Each", Description = "Run the body for each item.")]
[EmbeddedPort("body", DisplayName = "Body")]
public sealed class ForEach : Activity
{
    private const string IndexKey = "index";

    [Input(Description = "The items to iterate.")]
    public object[] Items { get; set; } = [];

    [Output(DisplayName = "Current value", Description = "The item of the current iteration.")]
    public object? CurrentValue { get; set; }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        RunAt(context, 0);
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child)
    {
        if (Loops.IsBreaking(context))
        {
            context.Complete();
        }
        else
        {
            RunAt(context, ((int?)context.Properties[IndexKey] ?? 0) + 1);
        }

        return ValueTask.CompletedTask;
    }

    public override bool OnSignal(ActivityContext context, ActivitySignal signal) => Loops.OnBreak(context, signal, stopsSignal: true);

    private void RunAt(ActivityContext context, int index)
    {
        if (index >= Items.Length || context.Node.EmbeddedActivity("body") is not { } body)
        {
            context.Complete();
            return;
        }

        context.Properties[IndexKey] = index;
        CurrentValue = Items[index];
        context.ScheduleChild(body, Loops.IterationVariables(Items[index], index));
    }
}
