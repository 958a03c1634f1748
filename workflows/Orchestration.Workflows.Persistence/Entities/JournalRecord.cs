namespace Orchestration.Workflows.Persistence.Entities;

/// <summary>One journal line (Elsa's WorkflowExecutionLogRecord); <see cref="Payload"/> is JSON text.</summary>
public sealed class JournalRecord
{
    public required string Id { get; init; }

    public required string WorkflowInstanceId { get; init; }

    public long Sequence { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    public required string ActivityInstanceId { get; init; }

    public string? ParentActivityInstanceId { get; init; }

    public required string ActivityId { get; init; }

    public required string ActivityType { get; init; }

    public int ActivityTypeVersion { get; init; }

    public string? ActivityName { get; init; }

    public required string NodeId { get; init; }

    public required string EventName { get; init; }

    public string? Message { get; init; }

    public string? Source { get; init; }

    public string? Payload { get; init; }
}
