using System.Globalization;
using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Activities.Scheduling;

/// <summary>Waits for a time span: a bookmark with its due time, resumed by the timer sweep (or Hangfire).</summary>
[Activity("Elsa", "Delay", Category = "Scheduling", Description = "Wait for a period of time.")]
public sealed class Delay : Activity
{
    [Input(DisplayName = "Time span", Description = "How long to wait, e.g. 00:05:00 or 30.00:00:00.")]
    public TimeSpan TimeSpan { get; set; } = TimeSpan.FromMinutes(1);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var resumeAt = context.Time.GetUtcNow() + TimeSpan;
        context.CreateBookmark("Elsa.Delay", new JsonObject { ["resumeAt"] = resumeAt.ToString("O", CultureInfo.InvariantCulture) },
            includeActivityInstanceId: true, resumeAt: resumeAt);
        return ValueTask.CompletedTask;
    }
}
