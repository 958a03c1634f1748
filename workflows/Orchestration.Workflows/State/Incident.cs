namespace Orchestration.Workflows.State;

/// <summary>A fault of one activity execution; the instance becomes Faulted (default strategy) until retried or cancelled.</summary>
public sealed record Incident(
    string Id,
    string ActivityId,
    string ActivityNodeId,
    string ActivityType,
    string ActivityInstanceId,
    string Message,
    ExceptionState Exception,
    DateTimeOffset Timestamp);
