using Orchestration.Workflows.Values;

namespace Orchestration.Workflows.Activities.Scheduling;

/// <summary>
/// Publishes an event (asynchronously, after this burst): instances waiting on it resume and workflows it triggers
/// start. A local event reaches only this instance; a correlation id narrows the others.
/// </summary>
[Activity("Elsa", "PublishEvent", Category = "Primitives", DisplayName = "Publish Event", Description = "Publish an event.")]
public sealed class PublishEvent : CodeActivity
{
    [Input(DisplayName = "Event name", Description = "The name of the event.", IsRequired = true)]
    public string? EventName { get; set; }

    [Input(DisplayName = "Correlation id", Description = "Only instances with this correlation id receive it.")]
    public string? CorrelationId { get; set; }

    [Input(DisplayName = "Local event", Description = "Only this workflow instance receives it.")]
    public bool IsLocalEvent { get; set; }

    [Input(Description = "The payload the waiting Event activities receive as their result.")]
    public object? Payload { get; set; }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (string.IsNullOrWhiteSpace(EventName))
        {
            throw new InvalidOperationException("PublishEvent needs an event name.");
        }

        context.PublishEvent(EventName, CorrelationId, IsLocalEvent, ValueConverter.ToNode(Payload));
        return ValueTask.CompletedTask;
    }
}
