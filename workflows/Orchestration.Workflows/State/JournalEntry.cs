using System.Text.Json.Nodes;

namespace Orchestration.Workflows.State;

/// <summary>One line of an instance's execution log (Elsa's WorkflowExecutionLogRecord, ELSA-API.md §6.3).</summary>
public sealed record JournalEntry(
    string Id,
    string WorkflowInstanceId,
    string ActivityInstanceId,
    string? ParentActivityInstanceId,
    string ActivityId,
    string ActivityType,
    int ActivityTypeVersion,
    string? ActivityName,
    string NodeId,
    DateTimeOffset Timestamp,
    long Sequence,
    string EventName,
    string? Message,
    string? Source,
    JsonNode? Payload);
