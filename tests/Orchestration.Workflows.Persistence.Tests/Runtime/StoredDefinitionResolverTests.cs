using Microsoft.Extensions.DependencyInjection;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Persistence.Runtime;

namespace Orchestration.Workflows.Persistence.Tests.Runtime;

/// <summary>
/// A workflow used as an activity reads its definition during the burst. When PostgreSQL is restarting, that read
/// fails; it must reach the runtime as the host's failure (the burst is abandoned and retried), never fault the
/// referral's instance for good (the fault suite lost a referral that way).
/// </summary>
[Trait("Category", "Integration")]
public sealed class StoredDefinitionResolverTests
{
    [Fact]
    public async Task A_definition_store_that_cannot_be_reached_is_reported_as_the_hosts_failure()
    {
        await using var database = await EngineDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var node = await database.StartNodeAsync();
        // Nothing listens on port 1: connecting fails the way it does while PostgreSQL restarts.
        await using var services = Container("Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2");
        var unreachable = new StoredDefinitionResolver(services.GetRequiredService<IServiceScopeFactory>());
        var reachable = new StoredDefinitionResolver(node.Get<IServiceScopeFactory>());

        var find = () => unreachable.FindVersionAsync("referral-process", null, CancellationToken.None).AsTask();

        var thrown = (await find.Should().ThrowAsync<WorkflowInfrastructureException>()).Which;
        Chain(thrown).Should().Contain(e => e is Npgsql.NpgsqlException, "the connection failure is kept for the log");
        (await reachable.FindVersionAsync("no-such-workflow", null, CancellationToken.None)).Should()
            .BeNull("a definition that does not exist is the workflow's fault, answered as before");
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var current = exception.InnerException; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    private static ServiceProvider Container(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new HostSettings(OrchestrationProfile.Production, Path.GetTempPath(), DatabaseProvider.PostgreSql,
            connectionString, new Uri("amqp://unused"), MigrateOnStart: false));
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger<>));
        services.AddWorkflowsPersistence();
        return services.BuildServiceProvider();
    }
}
