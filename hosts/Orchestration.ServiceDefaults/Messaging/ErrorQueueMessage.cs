namespace Orchestration.ServiceDefaults.Messaging;

/// <summary>A message in an error queue as an operator sees it: ids, type and the exception, never the body (it may hold case data).</summary>
public sealed record ErrorQueueMessage(
    string? MessageId,
    string? MessageType,
    string? ExceptionType,
    string? ExceptionMessage,
    string? FaultedAt,
    bool Redelivered);
