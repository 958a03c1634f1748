using System.Text.Json.Nodes;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Activities.Scheduling;

/// <summary>
/// Waits for a named event (bookmark <c>Elsa.Event {EventName}</c>, hashed without the activity instance, so any
/// stimulus with that name matches). As the trigger that started the instance it completes at once.
/// </summary>
[Activity("Elsa", "Event", Category = "Primitives", Description = "Wait for an event to be published.", Kind = ActivityKind.Trigger)]
public sealed class Event : Activity
{
    /// <summary>The input key under which a resume or trigger passes the event payload (Elsa's name).</summary>
    public const string PayloadInputKey = "__EventPayloadWorkflowInput";

    [Input(DisplayName = "Event name", IsRequired = true, Description = "The name of the event to wait for.")]
    public string? EventName { get; set; }

    [Output(Description = "The event's payload.")]
    public object? Result { get; set; }

    public static JsonObject PayloadFor(string eventName) => new() { ["eventName"] = eventName };

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (string.IsNullOrWhiteSpace(EventName))
        {
            throw new InvalidOperationException("The Event activity needs an event name.");
        }

        if (context.Workflow.TriggerActivityId == context.Node.Id)
        {
            Result = context.GetInput(PayloadInputKey);
            context.Complete();
            return ValueTask.CompletedTask;
        }

        context.CreateBookmark("Elsa.Event", PayloadFor(EventName), includeActivityInstanceId: false);
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityContext context, Bookmark bookmark)
    {
        Result = context.GetInput(PayloadInputKey);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
