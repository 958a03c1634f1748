using Orchestration.Workflows.State;

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

    /// <summary>The row of an engine journal entry.</summary>
    internal static JournalRecord From(JournalEntry entry) => new()
    {
        Id = entry.Id,
        WorkflowInstanceId = entry.WorkflowInstanceId,
        Sequence = entry.Sequence,
        Timestamp = entry.Timestamp,
        ActivityInstanceId = entry.ActivityInstanceId,
        ParentActivityInstanceId = entry.ParentActivityInstanceId,
        ActivityId = entry.ActivityId,
        ActivityType = entry.ActivityType,
        ActivityTypeVersion = entry.ActivityTypeVersion,
        ActivityName = entry.ActivityName,
        NodeId = entry.NodeId,
        EventName = entry.EventName,
        Message = entry.Message,
        Source = entry.Source,
        Payload = entry.Payload?.ToJsonString(),
    };
}
