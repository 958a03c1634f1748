namespace Orchestration.Workflows.Activities.Primitives;

[Activity("Elsa", "Correlate", Category = "Primitives", Description = "Set the correlation id of the workflow instance.")]
public sealed class Correlate : CodeActivity
{
    [Input(Description = "The correlation id, e.g. a referral id.")]
    public string? CorrelationId { get; set; }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.Workflow.CorrelationId = CorrelationId;
        return ValueTask.CompletedTask;
    }
}
