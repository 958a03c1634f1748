using System.Diagnostics.Metrics;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Observability;

namespace Orchestration.Testing.Messaging;

/// <summary>Counts the deliveries the inbox skips for one consumer from now on, read from the inbox's own metric.</summary>
public sealed class InboxSkips : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public InboxSkips(string consumer)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == Telemetry.Name && instrument.Name == InboxTelemetry.SkippedInstrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == InboxTelemetry.ConsumerTag && Equals(tag.Value, consumer))
                {
                    Interlocked.Add(ref _count, value);
                }
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
