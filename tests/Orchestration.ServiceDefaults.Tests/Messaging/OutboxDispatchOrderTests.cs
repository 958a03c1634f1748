using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.ServiceDefaults.Messaging;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Tests.Messaging.Commands;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Infrastructure;
using RabbitMQ.Client;

namespace Orchestration.ServiceDefaults.Tests.Messaging;

/// <summary>
/// The dispatcher awaits the broker's confirms of different referrals together, yet each referral's messages leave
/// in the order they were staged, and one the broker refuses holds back only the later messages of its own
/// referral, which all leave, in order, once it can be delivered (real PostgreSQL and RabbitMQ).
/// </summary>
[Trait("Category", "Integration")]
public sealed class OutboxDispatchOrderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset StagedFrom = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_refused_message_holds_back_only_its_referrals_later_messages_and_every_referral_keeps_its_order()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        // One message at a time on the receiving endpoint, so the order of arrival is the order in the queue.
        await using var shop = await ShopHost.CreateAsync(environment, moreConsumers: bus => bus.AddConsumer<ReferralStepConsumer>().Endpoint(e =>
        {
            e.ConcurrentMessageLimit = 1;
            e.PrefetchCount = 1;
        }));
        var blocked = Guid.NewGuid();
        var flowing = Guid.NewGuid();
        var refusedId = await shop.QueryAsync(async db =>
        {
            var at = StagedFrom;
            for (var step = 1; step <= 2; step++)
            {
                db.Stage(new ReferralStepRecorded(blocked, step), at = at.AddMilliseconds(1));
                db.Stage(new ReferralStepRecorded(flowing, step), at = at.AddMilliseconds(1));
            }

            var refused = db.Stage(new NotifyUnconsumedService(blocked), at = at.AddMilliseconds(1));
            for (var step = 3; step <= 6; step++)
            {
                db.Stage(new ReferralStepRecorded(blocked, step), at = at.AddMilliseconds(1));
                db.Stage(new ReferralStepRecorded(flowing, step), at = at.AddMilliseconds(1));
            }

            await db.SaveChangesAsync();
            return refused.Id;
        });
        var log = shop.Services.GetRequiredService<StepLog>();

        // The command has no queue yet: RabbitMQ returns it, and the pass that tried it is committed with its error.
        await Poll.UntilAsync(async () => await shop.QueryAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.Id == refusedId)) is { Attempts: > 0 } m ? m : null,
            Timeout, "the refused command's failed attempt");
        await Poll.UntilAsync(() => Task.FromResult(log.Of(flowing).Count == 6 && log.Of(blocked).Count == 2 ? "arrived" : null),
            Timeout, "the other referral's six steps and the blocked referral's first two");

        log.Of(flowing).Should().Equal([1, 2, 3, 4, 5, 6], "a referral's messages arrive in the order they were staged");
        log.Of(blocked).Should().Equal([1, 2], "nothing staged after the refused command overtakes it");
        var refusedRow = await shop.QueryAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.Id == refusedId));
        refusedRow.DispatchedAt.Should().BeNull();
        refusedRow.LastError.Should().ContainEquivalentOf("returned", "the broker's refusal is kept with the message");
        (await shop.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.DispatchedAt == null))).Should().Be(5,
            "the refused command and the blocked referral's steps 3 to 6 are still pending, not lost");

        // The cause is fixed: a queue now takes the command, and the held-back steps follow it, in order.
        var queue = await BindQueueAsync(environment.VirtualHost.AmqpUri, CommandRoutes.QueueName(typeof(NotifyUnconsumedService)));
        await Poll.UntilAsync(() => Task.FromResult(log.Of(blocked).Count >= 6 ? "arrived" : null), Timeout, "the blocked referral's remaining steps");

        log.Of(blocked).Should().Equal([1, 2, 3, 4, 5, 6]);
        (await shop.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.DispatchedAt == null))).Should().Be(0);
        (await CountAsync(environment.VirtualHost.AmqpUri, queue)).Should().Be(1u, "the command was delivered once");
    }

    private static async Task<string> BindQueueAsync(Uri amqpUri, string exchange)
    {
        await using var connection = await new ConnectionFactory { Uri = amqpUri }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = $"{exchange}-late-consumer";
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, exchange, routingKey: "");
        return queue;
    }

    private static async Task<uint> CountAsync(Uri amqpUri, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = amqpUri }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }
}
