namespace Orchestration.ServiceDefaults.Tests.Messaging.Commands;

/// <summary>A command no consumer in the test host takes: RabbitMQ returns it (mandatory send) until a queue is bound.</summary>
public sealed record NotifyUnconsumedService(Guid ReferralId);
