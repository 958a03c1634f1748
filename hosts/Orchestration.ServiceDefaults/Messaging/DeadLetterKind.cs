namespace Orchestration.ServiceDefaults.Messaging;

/// <summary>
/// Where MassTransit sets a message of an endpoint aside: <c>&lt;queue&gt;_error</c> when it could not be read or its
/// consumer failed for good; <c>&lt;queue&gt;_skipped</c> when the queue has no consumer for its type (a message sent to
/// the wrong queue, or a type a newer sender knows and this host does not). Neither is ever dropped.
/// </summary>
public enum DeadLetterKind
{
    Error,
    Skipped,
}
