namespace Orchestration.Workflows.Activities.Primitives;

[Activity("Elsa", "WriteLine", Category = "Console", DisplayName = "Write Line", Description = "Write a line of text to the console.")]
public sealed class WriteLine : CodeActivity
{
    [Input(Description = "The text to write.")]
    public string? Text { get; set; }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.WriteLine(Text ?? "");
        return ValueTask.CompletedTask;
    }
}
