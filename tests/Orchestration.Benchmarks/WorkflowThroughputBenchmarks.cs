using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.Testing.Infrastructure;
using Orchestration.Workflows.Activities;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Expressions;
using Orchestration.Workflows.Model;
using Orchestration.Workflows.Persistence;
using Orchestration.Workflows.Persistence.Definitions;
using Orchestration.Workflows.Persistence.Runtime;
using Orchestration.Workflows.Serialization;
using WorkflowCore.Interface;
using WorkflowCore.Models.LifeCycleEvents;

namespace Orchestration.Benchmarks;

/// <summary>
/// One workflow of <see cref="Steps"/> activities in a line, run to completion: by our engine in memory, by our
/// runtime persisting to PostgreSQL, and by WorkflowCore in memory as the baseline measured in the same run.
/// Activity executions per second = Steps / mean time per operation.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class WorkflowThroughputBenchmarks
{
    public const int Steps = 20;

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _baselineRuns = new();
    private WorkflowRunner _runner = null!;
    private WorkflowDefinition _definition = null!;
    private ServiceProvider _persisted = null!;
    private TestDatabase _database = null!;
    private ServiceProvider _baseline = null!;
    private IWorkflowHost _baselineHost = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _runner = new WorkflowRunner(ActivityRegistry.CreateDefault(), ExpressionEvaluators.CreateDefault(), new WorkflowRunnerOptions());
        _definition = WorkflowDefinitionReader.Load(Linear());

        _database = await PostgresServer.CreateDatabaseAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new HostSettings(OrchestrationProfile.Production, Path.GetTempPath(), DatabaseProvider.PostgreSql,
            _database.ConnectionString, new Uri("amqp://unused"), MigrateOnStart: true));
        services.AddWorkflowsPersistence();
        _persisted = services.BuildServiceProvider();
        await using (var scope = _persisted.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Database.MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>().SaveAsync(Linear(), publish: true, CancellationToken.None);
        }

        var baseline = new ServiceCollection();
        baseline.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        baseline.AddWorkflow();
        _baseline = baseline.BuildServiceProvider();
        _baselineHost = _baseline.GetRequiredService<IWorkflowHost>();
        _baselineHost.RegisterWorkflow<LinearWorkflow>();
        _baselineHost.OnLifeCycleEvent += e =>
        {
            if (e is WorkflowCompleted && e.Reference is { } reference && _baselineRuns.TryRemove(reference, out var done))
            {
                done.SetResult();
            }
        };
        await _baselineHost.StartAsync(CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _baselineHost.StopAsync(CancellationToken.None);
        await _baseline.DisposeAsync();
        await _persisted.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        await _database.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "WorkflowCore 3.22, in memory")]
    public async Task WorkflowCoreInMemory()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var id = Guid.NewGuid().ToString();
        _baselineRuns[id] = done;
        await _baselineHost.StartWorkflow("linear", 1, null, id);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Benchmark(Description = "Our engine, in memory")]
    public Task<RunResult> OurEngineInMemory() => _runner.StartAsync(_definition);

    [Benchmark(Description = "Our runtime, PostgreSQL (one burst saved)")]
    public async Task<RunResult> OurRuntimePostgreSql()
    {
        await using var scope = _persisted.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>()
            .StartAsync("linear", VersionOptions.Published, new StartWorkflowOptions(), CancellationToken.None);
    }

    private static JsonObject Linear() => Suite.BenchmarkDefinitions.Linear(Steps);

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            Options |= ConfigOptions.DisableOptimizationsValidator;
        }
    }
}
