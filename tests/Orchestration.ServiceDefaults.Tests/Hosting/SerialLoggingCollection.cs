namespace Orchestration.ServiceDefaults.Tests.Hosting;

/// <summary>Tests that read a host's log file run after the parallel ones, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialLoggingCollection
{
    public const string Name = "Serial logging";
}
