using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.Workflows.Persistence.Definitions;
using Orchestration.Workflows.Persistence.Runtime;

namespace Orchestration.Workflows.Persistence.Tests.Runtime;

/// <summary>One workflow-engine node: its own service container and connections to a shared PostgreSQL database.</summary>
internal sealed class EngineNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EngineNode(ServiceProvider services) => _services = services;

    public static async Task<EngineNode> StartAsync(string connectionString, TimeProvider? time = null, bool withHangfire = false,
        DatabaseProvider provider = DatabaseProvider.PostgreSql, Action<WorkflowRuntimeOptions>? configure = null, bool hangfireOnPostgres = false)
    {
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        if (withHangfire)
        {
            // Production keeps Hangfire's jobs in PostgreSQL; the embedded profile in memory.
            services.AddHangfire(config =>
            {
                if (hangfireOnPostgres)
                {
                    config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString),
                        new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
                }
                else
                {
                    config.UseInMemoryStorage();
                }
            });
        }

        services.AddSingleton(new HostSettings(provider == DatabaseProvider.PostgreSql ? OrchestrationProfile.Production : OrchestrationProfile.Embedded,
            Path.GetTempPath(), provider, connectionString, new Uri("amqp://unused"), MigrateOnStart: true));
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddWorkflowsPersistence();
        services.Configure<WorkflowRuntimeOptions>(options => configure?.Invoke(options));
        var container = services.BuildServiceProvider();
        await using var scope = container.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Database.MigrateAsync();
        return new EngineNode(container);
    }

    public async Task<T> RunAsync<T>(Func<WorkflowRuntime, WorkflowDefinitionService, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<WorkflowRuntime>(), scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>());
    }

    /// <summary>Runs the Hangfire timer job the way a Hangfire worker would (resolved in a scope of its own).</summary>
    public async Task RunJobAsync(string bookmarkId)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowTimerJob>().ResumeWhenDueAsync(bookmarkId, CancellationToken.None);
    }

    /// <summary>Runs a scoped service the way a background job would (a scope of its own).</summary>
    public async Task<TResult> RunScopedAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async Task<T> QueryAsync<T>(Func<WorkflowsDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
