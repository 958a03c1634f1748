namespace Orchestration.Workflows.Persistence.Entities;

/// <summary>One execution of an activity as Studio's instance viewer shows it (ELSA-API.md §6.4); updated by later bursts.</summary>
public sealed class ActivityExecutionRecord
{
    public required string Id { get; init; }

    public required string WorkflowInstanceId { get; init; }

    public required string ActivityId { get; init; }

    public required string ActivityNodeId { get; init; }

    public required string ActivityType { get; init; }

    public int ActivityTypeVersion { get; init; }

    public string? ActivityName { get; init; }

    public required string Status { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public bool HasBookmarks { get; set; }

    public int AggregateFaultCount { get; set; }

    public string? SchedulingActivityExecutionId { get; init; }

    /// <summary>JSON: activityState (evaluated inputs), outputs, payload (outcomes), properties, exception.</summary>
    public required string Data { get; set; }
}
