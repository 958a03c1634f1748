using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Activities.Control;

/// <summary>Runs its branches at once; completes after all of them (WaitAll) or the first, cancelling the rest (WaitAny).</summary>
[Activity("Elsa", "Fork", Category = "Control Flow", Description = "Run branches in parallel.", IsBrowsable = false)]
public sealed class Fork : Activity
{
    [Input(DisplayName = "Join mode", Description = "Wait for all branches or the first.", IsWrapped = false)]
    public ForkJoinMode JoinMode { get; set; } = ForkJoinMode.WaitAll;

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (context.Node.Branches.Count == 0)
        {
            context.Complete();
        }

        foreach (var branch in context.Node.Branches)
        {
            context.ScheduleChild(branch);
        }

        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child)
    {
        var pending = context.Children.Any(c => c.Status is ActivityStatus.Pending or ActivityStatus.Running);
        if (JoinMode == ForkJoinMode.WaitAny || !pending || Loops.IsBreaking(context))
        {
            context.Complete();
        }

        return ValueTask.CompletedTask;
    }

    public override bool OnSignal(ActivityContext context, ActivitySignal signal) => Loops.OnBreak(context, signal, stopsSignal: false);
}
