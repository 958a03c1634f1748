using Orchestration.Workflows.Values;

namespace Orchestration.Workflows.Activities.Primitives;

[Activity("Elsa", "SetOutput", Category = "Primitives", DisplayName = "Set Output", Description = "Set a workflow output.")]
public sealed class SetOutput : CodeActivity
{
    [Input(DisplayName = "Output name", Description = "The name of the workflow output.", UIHint = "output-picker")]
    public string? OutputName { get; set; }

    [Input(DisplayName = "Output value", Description = "The value to set.")]
    public object? OutputValue { get; set; }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (string.IsNullOrWhiteSpace(OutputName))
        {
            throw new InvalidOperationException("SetOutput needs an output name.");
        }

        context.SetWorkflowOutput(OutputName, ValueConverter.ToNode(OutputValue));
        return ValueTask.CompletedTask;
    }
}
