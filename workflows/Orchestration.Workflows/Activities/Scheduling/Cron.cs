using System.Globalization;
using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Activities.Scheduling;

/// <summary>As the starting trigger it completes at once; mid-flow it waits for the next occurrence of the expression.</summary>
[Activity("Elsa", "Cron", Category = "Scheduling", Description = "Trigger on a cron schedule or wait for its next occurrence.", Kind = ActivityKind.Trigger)]
public sealed class Cron : Activity
{
    [Input(DisplayName = "Cron expression", Description = "Five fields, or six with seconds first, e.g. 0 8 * * MON-FRI (UTC).")]
    public string? CronExpression { get; set; }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (context.Workflow.TriggerActivityId == context.Node.Id)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }

        var executeAt = TriggerSchedules.NextCronOccurrence(CronExpression ?? "", context.Time.GetUtcNow())
            ?? throw new InvalidOperationException($"The cron expression '{CronExpression}' has no next occurrence.");
        context.CreateBookmark("Elsa.Cron", new JsonObject
        {
            ["executeAt"] = executeAt.ToString("O", CultureInfo.InvariantCulture),
            ["cronExpression"] = CronExpression,
        }, includeActivityInstanceId: true, resumeAt: executeAt);
        return ValueTask.CompletedTask;
    }
}
