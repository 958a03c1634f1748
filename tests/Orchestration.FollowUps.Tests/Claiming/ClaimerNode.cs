using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestration.FollowUps.Claiming;
using Orchestration.FollowUps.Options;
using Orchestration.FollowUps.Persistence;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.FollowUps.Tests.Claiming;

/// <summary>What a node of the production profile runs for claiming: its own services and connection pool, the module's PostgreSQL context and the claimer.</summary>
internal sealed class ClaimerNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public ClaimerNode(string connectionString, FakeTimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new HostSettings(OrchestrationProfile.Production, Path.GetTempPath(), DatabaseProvider.PostgreSql, connectionString, null, true));
        services.AddSingleton<TimeProvider>(time);
        services.AddOptions<FollowUpsOptions>();
        services.AddModuleDbContext<FollowUpsDbContext, FollowUpsSqliteDbContext, FollowUpsPostgresDbContext>(FollowUpsDbContext.SchemaName);
        services.AddSingleton<DeadlineClaimer>();
        _services = services.BuildServiceProvider();
    }

    public DeadlineClaimer Claimer => _services.GetRequiredService<DeadlineClaimer>();

    public async Task<T> QueryAsync<T>(Func<FollowUpsDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<FollowUpsDbContext>());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
