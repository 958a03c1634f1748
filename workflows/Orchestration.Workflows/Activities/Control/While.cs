namespace Orchestration.Workflows.Activities.Control;

/// <summary>Runs its body while the condition holds (evaluated before each iteration), or until a Break.</summary>
[Activity("Elsa", "While", Category = "Looping", Description = "Repeat while a condition holds.")]
[EmbeddedPort("body", DisplayName = "Body")]
public sealed class While : Activity
{
    [Input(Description = "Evaluated before each iteration.", EvaluatedByActivity = true)]
    public bool Condition { get; set; }

    public override ValueTask ExecuteAsync(ActivityContext context) => NextAsync(context);

    public override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child) => NextAsync(context);

    public override bool OnSignal(ActivityContext context, ActivitySignal signal) => Loops.OnBreak(context, signal, stopsSignal: true);

    private static async ValueTask NextAsync(ActivityContext context)
    {
        if (!Loops.IsBreaking(context) && await context.EvaluateInputAsync("condition", false)
            && context.Node.EmbeddedActivity("body") is { } body)
        {
            context.ScheduleChild(body);
        }
        else
        {
            context.Complete();
        }
    }
}
