using System.Globalization;
using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Activities.Scheduling;

/// <summary>Waits until a moment; completes at once when it has passed or when it started the instance.</summary>
[Activity("Elsa", "StartAt", Category = "Scheduling", DisplayName = "Start At", Description = "Wait until a date and time.", Kind = ActivityKind.Trigger)]
public sealed class StartAt : Activity
{
    [Input(DisplayName = "Date and time", Description = "When to continue.", UIHint = "datetime-picker")]
    public DateTimeOffset DateTime { get; set; }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (context.Workflow.TriggerActivityId == context.Node.Id || DateTime <= context.Time.GetUtcNow())
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }

        context.CreateBookmark("Elsa.StartAt", new JsonObject { ["executeAt"] = DateTime.ToString("O", CultureInfo.InvariantCulture) },
            includeActivityInstanceId: true, resumeAt: DateTime);
        return ValueTask.CompletedTask;
    }
}
