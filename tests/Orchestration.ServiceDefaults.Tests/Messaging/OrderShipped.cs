namespace Orchestration.ServiceDefaults.Tests.Messaging;

/// <summary>Consumed behind the shared inbox filter (<see cref="OrderShippedConsumer"/>).</summary>
public sealed record OrderShipped(Guid OrderId);
