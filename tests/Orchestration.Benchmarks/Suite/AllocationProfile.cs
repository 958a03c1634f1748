using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;

namespace Orchestration.Benchmarks.Suite;

/// <summary>
/// <c>-- profile</c>: which types a durable 20-activity burst allocates, from the runtime's GC allocation-tick
/// events (one sample per ~100 KB allocated, so the sums are estimates in proportion to the truth).
/// </summary>
public static class AllocationProfile
{
    public static async Task RunAsync(int runs)
    {
        await using var runtime = await DurableRuntime.CreateAsync();
        for (var i = 0; i < 20; i++)
        {
            await StartAsync(runtime);
        }

        using var listener = new AllocationListener();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < runs; i++)
        {
            await StartAsync(runtime);
        }

        var total = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)runs;
        Console.WriteLine($"{total / 1024:#,0} KB allocated per durable 20-activity burst; sampled by type (KB per burst):");
        var sampled = listener.ByType.Values.Sum();
        foreach (var (type, bytes) in listener.ByType.OrderByDescending(p => p.Value).Take(30))
        {
            Console.WriteLine($"  {bytes / runs / 1024.0,8:#,0.0}  {bytes * 100.0 / sampled,5:0.0} %  {type}");
        }
    }

    private static Task<RunResult> StartAsync(DurableRuntime runtime) =>
        runtime.WithRuntimeAsync(r => r.StartAsync("linear", VersionOptions.Published, new StartWorkflowOptions(), CancellationToken.None));

    private sealed class AllocationListener : EventListener
    {
        public ConcurrentDictionary<string, long> ByType { get; } = new();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is null)
            {
                return;
            }

            var type = eventData.Payload![eventData.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(eventData.Payload[eventData.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
            ByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
        }
    }
}
