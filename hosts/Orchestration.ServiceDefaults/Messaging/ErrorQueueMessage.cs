namespace Orchestration.ServiceDefaults.Messaging;

/// <summary>
/// A message in an error or skipped queue as an operator sees it: ids, type and the exception (or MassTransit's reason,
/// "skip" for a type the queue has no consumer for), never the body (it may hold case data).
/// </summary>
public sealed record ErrorQueueMessage(
    string? MessageId,
    string? MessageType,
    string? ExceptionType,
    string? ExceptionMessage,
    string? FaultedAt,
    bool Redelivered,
    string? Reason = null);
