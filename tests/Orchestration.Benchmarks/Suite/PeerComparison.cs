using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestration.Workflows.Activities;
using Orchestration.Workflows.Activities.Scheduling;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Expressions;
using Orchestration.Workflows.Model;
using Orchestration.Workflows.Serialization;
using Orchestration.Workflows.State;
using WorkflowCore.Interface;
using WorkflowCore.Models.LifeCycleEvents;

namespace Orchestration.Benchmarks.Suite;

/// <summary>
/// Item 2: the approval workflow, many instances at once, on WorkflowCore 3.22 in memory and on ours in memory and
/// stored in PostgreSQL. Each side starts every instance, then delivers every approval event, and the clock stops
/// when the last instance finished; so a polling interval cannot decide the figure, only the work per instance.
/// </summary>
public static class PeerComparison
{
    private const int InMemoryInstances = 2000;
    private const int DurableInstances = 600;
    private const int DurableConcurrency = 16;

    public static async Task<IReadOnlyList<Figure>> RunAsync(DurableRuntime runtime)
    {
        Progress.Say($"  WorkflowCore 3.22 in memory, {InMemoryInstances} instances");
        await WarmUp.RunAsync("WorkflowCore", () => WorkflowCoreInMemoryAsync(200));
        var peer = await WorkflowCoreInMemoryAsync(InMemoryInstances);
        Progress.Say($"  our engine in memory, {InMemoryInstances} instances");
        await WarmUp.RunAsync("our engine", () => OursInMemoryAsync(200));
        var inMemory = await OursInMemoryAsync(InMemoryInstances);
        Progress.Say($"  our runtime on PostgreSQL, {DurableInstances} instances, {DurableConcurrency} at a time");
        await WarmUp.RunAsync("our runtime", () => OursDurableAsync(runtime, 50));
        var durable = await OursDurableAsync(runtime, DurableInstances);

        return
        [
            Ratio("workflows/s, in memory (start, event, decide, write, finish)", inMemory, peer, "WorkflowCore in memory", null),
            new Figure("2", "activity executions/s, in memory", inMemory * BenchmarkDefinitions.ApprovalActivities, "/s",
                "WorkflowCore steps/s", peer * ApprovalWorkflowCore.Steps, "–", null),
            Ratio("workflows/s, durable (PostgreSQL)", durable, peer, "WorkflowCore in memory",
                "WorkflowCore's PostgreSQL provider is not served by the package mirror: the durable peer is compared with WorkflowCore in memory, a stricter bound"),
            new Figure("2", "activity executions/s, durable", durable * BenchmarkDefinitions.ApprovalActivities, "/s",
                "WorkflowCore durable", null, "–", null, Note: "WorkflowCore.Persistence.PostgreSQL not served; not measured"),
        ];
    }

    private static Figure Ratio(string name, double ours, double peer, string baselineName, string? note) =>
        new("2", name, ours, "/s", baselineName, peer, "≥ 3 × WorkflowCore", ours >= 3 * peer,
            ours >= 3 * peer ? null : $"{ours / peer:0.00}× instead of 3× ({3 * peer - ours:#,0}/s short)", note);

    private static async Task<double> WorkflowCoreInMemoryAsync(int instances)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddWorkflow();
        await using var provider = services.BuildServiceProvider();
        var host = provider.GetRequiredService<IWorkflowHost>();
        host.RegisterWorkflow<ApprovalWorkflowCore, ApprovalData>();
        var pending = new ConcurrentDictionary<string, TaskCompletionSource>();
        host.OnLifeCycleEvent += e =>
        {
            if (e is WorkflowCompleted && e.Reference is { } reference && pending.TryRemove(reference, out var done))
            {
                done.SetResult();
            }
        };
        await host.StartAsync(CancellationToken.None);
        try
        {
            var keys = Enumerable.Range(0, instances).Select(_ => Guid.NewGuid().ToString("N")).ToList();
            var all = keys.Select(k => pending[k] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Select(t => t.Task).ToList();
            var clock = Stopwatch.StartNew();
            foreach (var key in keys)
            {
                await host.StartWorkflow("approval", 1, new ApprovalData { Key = key }, key);
            }

            foreach (var key in keys)
            {
                await host.PublishEvent(BenchmarkDefinitions.ApprovalEvent, key, 150);
            }

            await Task.WhenAll(all).WaitAsync(TimeSpan.FromMinutes(3));
            return instances / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<double> OursInMemoryAsync(int instances)
    {
        var runner = new WorkflowRunner(ActivityRegistry.CreateDefault(), ExpressionEvaluators.CreateDefault(), new WorkflowRunnerOptions());
        var definition = WorkflowDefinitionReader.Load(BenchmarkDefinitions.Approval());
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 2 };
        var suspended = new ConcurrentBag<RunResult>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, instances), parallel, async (_, ct) => suspended.Add(await runner.StartAsync(definition, new StartWorkflowOptions(), ct)));
        await Parallel.ForEachAsync(suspended, parallel, async (started, ct) =>
        {
            var bookmark = started.State.Bookmarks.Single();
            var finished = await runner.ResumeAsync(definition, started.State, bookmark.Id, ApprovalInput(), ct);
            if (finished.State.Status != WorkflowStatus.Finished)
            {
                throw new InvalidOperationException($"The approval workflow ended {finished.State.Status}, not finished.");
            }
        });
        return instances / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> OursDurableAsync(DurableRuntime runtime, int instances)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = DurableConcurrency };
        var ids = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, instances), parallel, async (_, ct) =>
            ids.Add((await runtime.WithRuntimeAsync(r => r.StartAsync("approval", VersionOptions.Published, new StartWorkflowOptions(), ct))).State.Id));
        await Parallel.ForEachAsync(ids, parallel, async (id, ct) =>
        {
            var results = await runtime.WithRuntimeAsync(r => r.TriggerEventAsync(BenchmarkDefinitions.ApprovalEvent, null, id, new JsonObject { ["amount"] = 150 }, ct));
            if (results.Count != 1 || results[0].State.Status != WorkflowStatus.Finished)
            {
                throw new InvalidOperationException($"The approval event resumed {results.Count} instance(s) of {id}, or did not finish it.");
            }
        });
        return instances / clock.Elapsed.TotalSeconds;
    }

    public static JsonObject ApprovalInput() => new() { [Event.PayloadInputKey] = new JsonObject { ["amount"] = 150 } };
}
