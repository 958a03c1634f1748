using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orchestration.ServiceDefaults.Messaging;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Infrastructure;
using Orchestration.Testing.Messaging;

namespace Orchestration.ServiceDefaults.Tests.Messaging;

/// <summary>
/// The inbox filter claims a message with the first statement of the consumer's transaction (real PostgreSQL and
/// RabbitMQ): a repeat runs nothing, a duplicate arriving mid-run waits for the first and is then skipped, a failed
/// run leaves no claim behind, and what the run staged leaves only after its commit.
/// </summary>
[Trait("Category", "Integration")]
public sealed class InboxInTransactionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_duplicate_delivered_while_the_first_runs_waits_on_the_inbox_key_and_is_skipped_after_the_commit()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        await using var shop = await ShopHost.CreateAsync(environment, moreConsumers: bus => bus.AddEventConsumer<OrderShippedConsumer, ShopDbContext>());
        var gate = shop.Services.GetRequiredService<ShippingGate>();
        var orderId = await AddOrderAsync(shop);
        using var skips = new InboxSkips(nameof(OrderShippedConsumer));
        var messageId = NewId.NextGuid();
        var bus = shop.Services.GetRequiredService<IBus>();
        gate.Close();

        await bus.Publish(new OrderShipped(orderId), context => context.MessageId = messageId);
        await bus.Publish(new OrderShipped(orderId), context => context.MessageId = messageId);

        // The first run saved inside its open transaction; the duplicate's claim waits on that run's inbox key.
        await Poll.UntilAsync(async () => gate.Runs == 1 && await LockWaitersAsync(environment) >= 1 ? "waiting" : null, Timeout,
            "the duplicate to wait on the first run's inbox row");
        (await shop.QueryAsync(db => db.Set<OutboxMessage>().CountAsync())).Should().Be(0, "what the run staged is not committed yet");
        shop.Probe.Count(orderId).Should().Be(0, "nothing staged leaves before the commit");

        gate.Open();

        await Poll.UntilAsync(() => Task.FromResult(skips.Count == 1 ? "skipped" : null), Timeout, "the duplicate to be skipped");
        await shop.Probe.WaitForAsync(orderId, 1, Timeout);
        gate.Runs.Should().Be(1, "the duplicate ran nothing");
        // One confirmation from the run, one from OrderPlacedConsumer receiving the OrderPlaced the run staged.
        (await shop.QueryAsync(db => db.Orders.SingleAsync(o => o.Id == orderId))).Confirmations.Should().Be(2);
        (await shop.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => m.Consumer == nameof(OrderShippedConsumer)))).Should().Be(1);
    }

    [Fact]
    public async Task A_failed_run_leaves_no_claim_so_the_retry_runs_and_a_repeat_after_the_commit_runs_nothing()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        await using var shop = await ShopHost.CreateAsync(environment, moreConsumers: bus => bus.AddEventConsumer<OrderShippedConsumer, ShopDbContext>());
        var gate = shop.Services.GetRequiredService<ShippingGate>();
        gate.FailingRuns = 1;
        var orderId = await AddOrderAsync(shop);
        using var skips = new InboxSkips(nameof(OrderShippedConsumer));
        var messageId = NewId.NextGuid();
        var bus = shop.Services.GetRequiredService<IBus>();

        await bus.Publish(new OrderShipped(orderId), context => context.MessageId = messageId);

        // The first run saved and then failed: its effect, its staged message and its inbox row rolled back together.
        await shop.Probe.WaitForAsync(orderId, 1, Timeout);
        gate.Runs.Should().Be(2, "the retry was not taken for a repeat");
        // One confirmation from the retry, one from OrderPlacedConsumer; the failed run's would make three.
        (await shop.QueryAsync(db => db.Orders.SingleAsync(o => o.Id == orderId))).Confirmations.Should().Be(2);
        (await shop.QueryAsync(db => db.Set<OutboxMessage>().CountAsync())).Should().Be(1);

        await bus.Publish(new OrderShipped(orderId), context => context.MessageId = messageId);

        await Poll.UntilAsync(() => Task.FromResult(skips.Count == 1 ? "skipped" : null), Timeout, "the repeat to be skipped");
        gate.Runs.Should().Be(2, "a repeat of a committed message runs nothing");
        (await shop.QueryAsync(db => db.Orders.SingleAsync(o => o.Id == orderId))).Confirmations.Should().Be(2);
        (await shop.QueryAsync(db => db.Set<OutboxMessage>().CountAsync())).Should().Be(1);
    }

    private static async Task<Guid> AddOrderAsync(ShopHost shop)
    {
        var orderId = Guid.NewGuid();
        await shop.QueryAsync(async db =>
        {
            db.Orders.Add(new ShopOrder { Id = orderId });
            return await db.SaveChangesAsync();
        });
        return orderId;
    }

    /// <summary>Sessions of the test's database waiting on a lock (here: another transaction's uncommitted inbox row).</summary>
    private static async Task<long> LockWaitersAsync(ProductionEnvironment environment)
    {
        await using var connection = new NpgsqlConnection(environment.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
