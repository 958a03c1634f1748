using System.Diagnostics.Metrics;
using Orchestration.ServiceDefaults.Observability;

namespace Orchestration.ServiceDefaults.Messaging.Outbox;

/// <summary>What the inbox did, as metrics: a redelivery that was skipped is counted per consumer.</summary>
public static class InboxTelemetry
{
    public const string SkippedInstrument = "orchestration.inbox.skipped";

    public const string ConsumerTag = "consumer";

    private static readonly Counter<long> Skipped = Telemetry.Meter.CreateCounter<long>(SkippedInstrument,
        description: "Deliveries skipped because their consumer had already handled the message.");

    internal static void CountSkipped(string consumer) => Skipped.Add(1, new KeyValuePair<string, object?>(ConsumerTag, consumer));
}
