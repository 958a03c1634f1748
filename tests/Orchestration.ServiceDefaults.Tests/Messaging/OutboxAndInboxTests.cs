using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Infrastructure;

namespace Orchestration.ServiceDefaults.Tests.Messaging;

/// <summary>The shared outbox and inbox over real PostgreSQL and RabbitMQ (each test in its own database and vhost).</summary>
[Trait("Category", "Integration")]
public sealed class OutboxAndInboxTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_state_change_and_its_message_commit_together_and_the_message_arrives_once()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        await using var shop = await ShopHost.CreateAsync(environment);

        var orderId = await shop.PlaceOrderAsync();

        await shop.Probe.WaitForAsync(orderId, 1, Timeout);
        (await shop.QueryAsync(db => db.Orders.SingleAsync(o => o.Id == orderId))).Confirmations.Should().Be(1);
        var staged = await shop.QueryAsync(db => db.Set<OutboxMessage>().SingleAsync());
        staged.DispatchedAt.Should().NotBeNull();
        (await shop.QueryAsync(db => db.Set<InboxMessage>().SingleAsync())).MessageId.Should().Be(staged.Id, "the outbox id travels as the MessageId");
    }

    [Fact]
    public async Task A_rolled_back_change_publishes_nothing()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        await using var shop = await ShopHost.CreateAsync(environment, start: false);
        await using (var scope = shop.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Orders.Add(new ShopOrder { Id = Guid.NewGuid() });
            db.Stage(new OrderPlaced(Guid.NewGuid()), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        (await shop.Services.GetRequiredService<OutboxDispatcher<ShopDbContext>>().DispatchBatchAsync(CancellationToken.None)).Should().Be(0);
        (await shop.QueryAsync(db => db.Set<OutboxMessage>().CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_has_one_effect()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        await using var shop = await ShopHost.CreateAsync(environment);
        var orderId = Guid.NewGuid();
        await shop.QueryAsync(async db =>
        {
            db.Orders.Add(new ShopOrder { Id = orderId });
            return await db.SaveChangesAsync();
        });
        var messageId = NewId.NextGuid();
        var bus = shop.Services.GetRequiredService<IBus>();

        await bus.Publish(new OrderPlaced(orderId), context => context.MessageId = messageId);
        await bus.Publish(new OrderPlaced(orderId), context => context.MessageId = messageId);

        await shop.Probe.WaitForAsync(orderId, 2, Timeout);
        (await shop.QueryAsync(db => db.Orders.SingleAsync(o => o.Id == orderId))).Confirmations.Should().Be(1);
    }

    [Fact]
    public async Task A_message_committed_by_a_host_that_died_before_publishing_is_published_after_restart()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        Guid orderId;
        await using (var died = await ShopHost.CreateAsync(environment, start: false))
        {
            // The bus and dispatcher never ran: the commit happened, the publish did not.
            orderId = await died.PlaceOrderAsync();
            (await died.QueryAsync(db => db.Set<OutboxMessage>().SingleAsync())).DispatchedAt.Should().BeNull();
        }

        await using var restarted = await ShopHost.CreateAsync(environment);

        await restarted.Probe.WaitForAsync(orderId, 1, Timeout);
        (await restarted.QueryAsync(db => db.Orders.SingleAsync(o => o.Id == orderId))).Confirmations.Should().Be(1);
    }
}
