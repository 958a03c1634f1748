namespace Orchestration.Workflows.Persistence.Entities;

/// <summary>
/// An event that arrived with a correlation id while no bookmark matched it (each event contract has its own queue,
/// so an event may overtake the one that starts its instance). Kept until a matching bookmark appears, which
/// consumes it in the transaction that creates it, or until it expires.
/// </summary>
public sealed class PendingStimulusRecord
{
    public required Guid Id { get; init; }

    /// <summary>The bookmark hash the stimulus matches (Elsa.Event + event name).</summary>
    public required string Hash { get; init; }

    public required string EventName { get; init; }

    public required string CorrelationId { get; init; }

    /// <summary>The event's payload as JSON text (ids only, as every contract).</summary>
    public required string Payload { get; init; }

    /// <summary>The message it came from, if any: delivery records it in the inbox so a redelivery does nothing.</summary>
    public Guid? MessageId { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }
}
