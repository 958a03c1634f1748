using MassTransit;

namespace Orchestration.ServiceDefaults.Messaging;

/// <summary>A module's consumers and sagas, added to the one bus the host configures.</summary>
public sealed record ModuleBusContribution(Action<IBusRegistrationConfigurator> Configure);
