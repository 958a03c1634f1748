namespace Orchestration.Workflows.Activities.Control;

/// <summary>Runs Then or Else depending on the condition, then completes (at once when that branch is empty).</summary>
[Activity("Elsa", "If", Category = "Branching", Description = "Run one of two branches.")]
[EmbeddedPort("then", DisplayName = "Then")]
[EmbeddedPort("else", DisplayName = "Else")]
public sealed class If : Activity
{
    [Input(Description = "The condition.", UIHint = "singleline")]
    public bool Condition { get; set; }

    [Output(Description = "The condition's value.")]
    public bool Result { get; set; }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        Result = Condition;
        if (context.Node.EmbeddedActivity(Condition ? "then" : "else") is { } branch)
        {
            context.ScheduleChild(branch);
        }
        else
        {
            context.Complete();
        }

        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child)
    {
        Result = Condition;
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
