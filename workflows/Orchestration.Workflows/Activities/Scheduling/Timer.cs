using System.Globalization;
using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Activities.Scheduling;

/// <summary>As the starting trigger it completes at once; mid-flow it waits one interval.</summary>
[Activity("Elsa", "Timer", Category = "Scheduling", Description = "Trigger periodically or wait an interval.", Kind = ActivityKind.Trigger)]
public sealed class Timer : Activity
{
    [Input(Description = "The interval, e.g. 00:01:00.")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (context.Workflow.TriggerActivityId == context.Node.Id)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }

        var resumeAt = context.Time.GetUtcNow() + Interval;
        context.CreateBookmark("Elsa.Timer", new JsonObject { ["resumeAt"] = resumeAt.ToString("O", CultureInfo.InvariantCulture) },
            includeActivityInstanceId: true, resumeAt: resumeAt);
        return ValueTask.CompletedTask;
    }
}
