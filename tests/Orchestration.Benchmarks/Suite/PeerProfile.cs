using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Persistence.Runtime;
using Orchestration.Workflows.State;

namespace Orchestration.Benchmarks.Suite;

/// <summary>
/// <c>-- profile-peer</c>: item 2's durable side split into its two phases (starts, then event deliveries), each
/// timed alone, once with the PostgreSQL instance lock and once with the in-process lock, to see what a resume
/// costs beyond a start.
/// </summary>
public static class PeerProfile
{
    public static async Task RunAsync(int instances, int concurrency, bool logCommands)
    {
        if (logCommands)
        {
            // A few sequential runs with every database command and its duration on the console.
            await using var logged = await DurableRuntime.CreateAsync(s => s.AddLogging(l => l.AddSimpleConsole(c => c.TimestampFormat = "HH:mm:ss.ffffff ")
                .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information)));
            await RunOnceAsync(logged, 3, 1);
            Console.WriteLine("---- measured ----");
            await RunOnceAsync(logged, 2, 1);
            return;
        }

        foreach (var (name, configure) in new (string, Action<IServiceCollection>?)[]
        {
            ("advisory lock", null),
            ("in-process lock", s => s.AddSingleton<IWorkflowInstanceLock>(new InProcessInstanceLock())),
        })
        {
            await using var runtime = await DurableRuntime.CreateAsync(configure);
            await RunOnceAsync(runtime, 100, concurrency); // warm-up
            var (starts, resumes) = await RunOnceAsync(runtime, instances, concurrency);
            Console.WriteLine($"{name}: starts {starts:#,0}/s, event deliveries {resumes:#,0}/s, workflows {1 / (1 / starts + 1 / resumes):#,0}/s (load {Load()})");
        }
    }

    private static async Task<(double Starts, double Resumes)> RunOnceAsync(DurableRuntime runtime, int instances, int concurrency)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency };
        var ids = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, instances), parallel, async (_, ct) =>
            ids.Add((await runtime.WithRuntimeAsync(r => r.StartAsync("approval", VersionOptions.Published, new StartWorkflowOptions(), ct))).State.Id));
        var starts = instances / clock.Elapsed.TotalSeconds;
        clock.Restart();
        await Parallel.ForEachAsync(ids, parallel, async (id, ct) =>
        {
            var results = await runtime.WithRuntimeAsync(r => r.TriggerEventAsync(BenchmarkDefinitions.ApprovalEvent, null, id, new JsonObject { ["amount"] = 150 }, ct));
            if (results.Count != 1 || results[0].State.Status != WorkflowStatus.Finished)
            {
                throw new InvalidOperationException($"The approval event did not finish {id}.");
            }
        });
        return (starts, instances / clock.Elapsed.TotalSeconds);
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
