using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.Testing.Infrastructure;
using Orchestration.Workflows.Persistence;
using Orchestration.Workflows.Persistence.Definitions;
using Orchestration.Workflows.Persistence.Runtime;

namespace Orchestration.Benchmarks.Suite;

/// <summary>
/// Our stored runtime on a database of its own (dropped on dispose), with the suite's definitions published. The
/// pool is capped: the server's 100 connections are shared with other engineers' tests.
/// </summary>
public sealed class DurableRuntime : IAsyncDisposable
{
    /// <summary>30, or ORCHESTRATION_BENCH_POOL (to see whether fewer server processes at once do more work).</summary>
    public static readonly int MaxPoolSize = int.TryParse(Environment.GetEnvironmentVariable("ORCHESTRATION_BENCH_POOL"), out var size) ? size : 30;

    private DurableRuntime(TestDatabase database, ServiceProvider services)
    {
        Database = database;
        Services = services;
    }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder(Database.ConnectionString) { MaxPoolSize = MaxPoolSize }.ConnectionString;

    /// <param name="configure">Replaces services after the runtime's own (a profile compares one part swapped out).</param>
    public static async Task<DurableRuntime> CreateAsync(Action<IServiceCollection>? configure = null)
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = MaxPoolSize, Timeout = 30 }.ConnectionString;
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(new HostSettings(OrchestrationProfile.Production, Path.GetTempPath(), DatabaseProvider.PostgreSql,
            connectionString, new Uri("amqp://unused"), MigrateOnStart: true));
        services.AddWorkflowsPersistence();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Database.MigrateAsync();
            var definitions = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>();
            await definitions.SaveAsync(BenchmarkDefinitions.Linear(WorkflowThroughputBenchmarks.Steps), publish: true, CancellationToken.None);
            await definitions.SaveAsync(BenchmarkDefinitions.Approval(), publish: true, CancellationToken.None);
        }

        return new DurableRuntime(database, provider);
    }

    /// <summary>Runs <paramref name="work"/> with a runtime of a scope of its own, as one request or message would.</summary>
    public async Task<T> WithRuntimeAsync<T>(Func<WorkflowRuntime, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<WorkflowRuntime>());
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await Database.DisposeAsync();
    }
}
