using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Contracts.FinancialAid.Commands;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.Testing.Infrastructure;

namespace Orchestration.FinancialAid.Tests.Persistence;

/// <summary>
/// A module context as AddModuleDbContext registers it, on real PostgreSQL: pooled, so a context one message left
/// behind (here one whose consumer failed inside the inbox's transaction) is the one the next message gets, and it
/// must come back empty; and its repeated statements are prepared on the connection.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ModuleContextOnPostgresTests : IAsyncLifetime
{
    private ProductionEnvironment _environment = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _environment = await ProductionEnvironment.CreateAsync();
        var services = new ServiceCollection();
        services.AddSingleton(new HostSettings(OrchestrationProfile.Production, Path.GetTempPath(), DatabaseProvider.PostgreSql,
            _environment.Database.ConnectionString, _environment.VirtualHost.AmqpUri, MigrateOnStart: true));
        services.AddModuleDbContext<FinancialAidDbContext, FinancialAidSqliteDbContext, FinancialAidPostgresDbContext>(FinancialAidDbContext.SchemaName);
        _services = services.BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>().Database.MigrateAsync();
    }

    [Fact]
    public async Task A_context_abandoned_mid_transaction_returns_to_the_pool_empty_and_its_writes_rolled_back()
    {
        var messageId = Guid.NewGuid();
        FinancialAidDbContext abandoned;
        await using (var failing = _services.CreateAsyncScope())
        {
            abandoned = failing.ServiceProvider.GetRequiredService<FinancialAidDbContext>();
            await abandoned.Database.BeginTransactionAsync();
            abandoned.Set<InboxMessage>().Add(new InboxMessage { MessageId = messageId, Consumer = "pool-test", ReceivedAt = DateTimeOffset.UnixEpoch });
            abandoned.Stage(new ReceiveReReferral(Guid.NewGuid(), messageId, "spanga-tensta", DateTimeOffset.UnixEpoch), DateTimeOffset.UnixEpoch);
            await abandoned.SaveChangesAsync();
            abandoned.Stage(new ReceiveReReferral(Guid.NewGuid(), messageId, "spanga-tensta", DateTimeOffset.UnixEpoch), DateTimeOffset.UnixEpoch);
            abandoned.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            abandoned.ChangeTracker.AutoDetectChangesEnabled = false;
            // The consumer throws here: the scope ends without a commit.
        }

        await using var next = _services.CreateAsyncScope();
        var db = next.ServiceProvider.GetRequiredService<FinancialAidDbContext>();

        // The same instance (else this proves nothing about the pool), with nothing of the failed message left.
        db.Should().BeSameAs(abandoned);
        db.ChangeTracker.Entries().Should().BeEmpty();
        db.Database.CurrentTransaction.Should().BeNull();
        db.ChangeTracker.QueryTrackingBehavior.Should().Be(QueryTrackingBehavior.TrackAll);
        db.ChangeTracker.AutoDetectChangesEnabled.Should().BeTrue();
        (await db.SaveChangesAsync()).Should().Be(0);
        (await db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId)).Should().Be(0);
        (await db.Set<OutboxMessage>().CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Statements_a_connection_runs_repeatedly_are_prepared_on_it()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>();
        await db.Database.OpenConnectionAsync();
        var messageId = Guid.NewGuid();
        for (var i = 0; i < 6; i++)
        {
            await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId);
        }

        var prepared = await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();

        prepared.Should().Contain(statement => statement.Contains("InboxMessages", StringComparison.Ordinal));
    }

    [Fact]
    public void Auto_prepare_is_added_unless_the_connection_string_sets_it()
    {
        PersistenceServiceCollectionExtensions.WithAutoPrepare("Host=db;Database=orchestration").Should().Contain("Max Auto Prepare=20");
        PersistenceServiceCollectionExtensions.WithAutoPrepare("Host=db;Max Auto Prepare=0").Should().Be("Host=db;Max Auto Prepare=0");
        PersistenceServiceCollectionExtensions.WithAutoPrepare("Host=db;MaxAutoPrepare=5").Should().Be("Host=db;MaxAutoPrepare=5");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _environment.DisposeAsync();
    }
}
