namespace Orchestration.Workflows.Activities.Control;

/// <summary>Runs its activities one after another; stops early after a terminal child or a Break.</summary>
[Activity("Elsa", "Sequence", Category = "Workflows", Description = "Run activities in order.", IsBrowsable = false, IsContainer = true)]
public sealed class Sequence : Activity
{
    private const string IndexKey = "index";
    private const string BreakingKey = "breaking";

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        ScheduleAt(context, 0);
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child)
    {
        if ((bool?)context.Properties[BreakingKey] == true || context.DescriptorOf(child.Node)?.IsTerminal == true)
        {
            context.Complete();
        }
        else
        {
            ScheduleAt(context, ((int?)context.Properties[IndexKey] ?? 0) + 1);
        }

        return ValueTask.CompletedTask;
    }

    public override bool OnSignal(ActivityContext context, ActivitySignal signal)
    {
        if (signal is BreakSignal)
        {
            context.Properties[BreakingKey] = true;
        }

        return false;
    }

    private static void ScheduleAt(ActivityContext context, int index)
    {
        if (index >= context.Node.Activities.Count)
        {
            context.Complete();
            return;
        }

        context.Properties[IndexKey] = index;
        context.ScheduleChild(context.Node.Activities[index]);
    }
}
