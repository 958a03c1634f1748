namespace Orchestration.ServiceDefaults.Tests.Messaging;

public sealed record OrderPlaced(Guid OrderId);
