namespace Orchestration.ServiceDefaults.Tests.Messaging;

/// <summary>Makes the consumer fail until the "cause" is fixed, as a downstream outage would.</summary>
public sealed class FaultSwitch
{
    public volatile bool Failing;
}
