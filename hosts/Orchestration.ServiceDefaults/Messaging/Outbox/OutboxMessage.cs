namespace Orchestration.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// A message staged in the same transaction as the state change that caused it; the dispatcher publishes it after
/// the commit (at least once) under <see cref="Id"/> as its MessageId, so receivers' inboxes can drop repeats.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }

    /// <summary>The CLR type, assembly-qualified, of the contract in <see cref="Body"/>.</summary>
    public required string MessageType { get; init; }

    public required string Body { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DispatchedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
