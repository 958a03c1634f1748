namespace Orchestration.Workflows.Activities.Control;

/// <summary>Runs its activities one after another; stops early after a terminal child or a Break.</summary>
[Activity("Elsa", "Sequence", Category = "Workflows", Description = "Run activities in order.", IsBrowsable = false, IsContainer = true)]
public sealed class Sequence : Activity
{
    private const string IndexKey = "index";

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        ScheduleAt(context, 0);
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child)
    {
        if (Loops.IsBreaking(context) || context.DescriptorOf(child.Node)?.IsTerminal == true)
        {
            context.Complete();
        }
        else
        {
            ScheduleAt(context, ((int?)context.Properties[IndexKey] ?? 0) + 1);
        }

        return ValueTask.CompletedTask;
    }

    public override bool OnSignal(ActivityContext context, ActivitySignal signal) => Loops.OnBreak(context, signal, stopsSignal: false);

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
