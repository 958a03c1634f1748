namespace Orchestration.ServiceDefaults.Messaging.Outbox;

/// <summary>A message a consumer has handled, recorded in the same transaction as its effect; a repeat is skipped.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }

    public required string Consumer { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }
}
