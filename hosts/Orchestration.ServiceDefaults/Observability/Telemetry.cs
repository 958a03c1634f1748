using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Orchestration.ServiceDefaults.Observability;

/// <summary>The activity source and meter of our own code; modules name their spans and instruments from these.</summary>
public static class Telemetry
{
    public const string Name = "Orchestration";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);
}
