using System.Diagnostics;
using Orchestration.Workflows.Activities;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Expressions;
using Orchestration.Workflows.Model;
using Orchestration.Workflows.Persistence.Runtime;
using Orchestration.Workflows.Serialization;
using Orchestration.Workflows.State;

namespace Orchestration.Benchmarks.Suite;

/// <summary>
/// Items 3 and 7: the 20-activity line run to completion and saved to PostgreSQL (one burst, one transaction) by 1,
/// 10 and 100 instances at once, in activity executions per second; and bytes allocated per durable burst beside
/// the same run in memory.
/// </summary>
public static class DurableThroughput
{
    private const int Steps = WorkflowThroughputBenchmarks.Steps;

    public static async Task<IReadOnlyList<Figure>> RunAsync(DurableRuntime runtime)
    {
        var figures = new List<Figure>();
        var single = 0.0;
        foreach (var (concurrency, runs) in new[] { (1, 100), (10, 400), (100, 1000) })
        {
            Progress.Say($"  durable throughput, {concurrency} concurrent instance(s), {runs} runs");
            await WarmUp.RunAsync($"{concurrency} concurrent", () => RunManyAsync(runtime, concurrency, Math.Max(concurrency, 20), report: false));
            var perSecond = await RunManyAsync(runtime, concurrency, runs) * Steps;
            if (concurrency == 1)
            {
                single = perSecond;
            }

            const double target = 10_000;
            figures.Add(new Figure("3", $"durable activity executions/s, {concurrency} concurrent", perSecond, "/s",
                "1 concurrent", concurrency == 1 ? null : single,
                concurrency == 100 ? "≥ 10,000/s" : "–",
                concurrency == 100 ? perSecond >= target : null,
                concurrency == 100 && perSecond < target ? $"{target - perSecond:#,0}/s short ({perSecond / target:P0} of target)" : null));
        }

        Progress.Say("  allocations per 20-activity burst (durable and in memory)");
        var durable = await AllocatedPerRunAsync(100, () => runtime.WithRuntimeAsync(StartLinearAsync));
        var runner = new WorkflowRunner(ActivityRegistry.CreateDefault(), ExpressionEvaluators.CreateDefault(), new WorkflowRunnerOptions());
        var definition = WorkflowDefinitionReader.Load(BenchmarkDefinitions.Linear(Steps));
        var inMemory = await AllocatedPerRunAsync(100, () => runner.StartAsync(definition));
        const double limit = 300;
        figures.Add(new Figure("7", "allocated per durable 20-activity burst", durable / 1024, "KB", "in memory", inMemory / 1024,
            "≤ 300 KB", durable / 1024 <= limit, durable / 1024 > limit ? $"{durable / 1024 - limit:#,0} KB over ({durable / 1024 / limit:0.0}×)" : null));
        return figures;
    }

    private static Task<RunResult> StartLinearAsync(WorkflowRuntime runtime) =>
        runtime.StartAsync("linear", VersionOptions.Published, new StartWorkflowOptions(), CancellationToken.None);

    /// <summary>Workflows per second with <paramref name="concurrency"/> starts in flight at any time.</summary>
    private static async Task<double> RunManyAsync(DurableRuntime runtime, int concurrency, int runs, bool report = true)
    {
        var before = report ? await CpuSample.TakeAsync(runtime.ConnectionString) : null;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, runs), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, _) =>
        {
            var result = await runtime.WithRuntimeAsync(StartLinearAsync);
            if (result.State.Status != WorkflowStatus.Finished)
            {
                throw new InvalidOperationException($"The linear workflow ended {result.State.Status}, not finished.");
            }
        });
        var elapsed = clock.Elapsed;
        // Where a burst's time goes when the figure is CPU-bound: this process or the database's backends.
        if (before is not null)
        {
            Progress.Say("    " + CpuSample.PerMessage(before, await CpuSample.TakeAsync(runtime.ConnectionString), runs).Replace("message", "burst", StringComparison.Ordinal));
        }

        return runs / elapsed.TotalSeconds;
    }

    /// <summary>
    /// Bytes allocated by the whole process per run over <paramref name="runs"/> sequential runs (what
    /// BenchmarkDotNet's MemoryDiagnoser counts too); nothing else runs meanwhile.
    /// </summary>
    public static async Task<double> AllocatedPerRunAsync<T>(int runs, Func<Task<T>> run)
    {
        for (var i = 0; i < 10; i++)
        {
            await run();
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < runs; i++)
        {
            await run();
        }

        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)runs;
    }
}
