using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Contracts.FinancialAid.Commands;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.FinancialAid.Consumers;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Messaging;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Infrastructure;
using Orchestration.Testing.Messaging;
using Orchestration.Workflows.Persistence;

namespace Orchestration.Host.Tests.Messaging;

/// <summary>
/// The services' commands on real RabbitMQ and PostgreSQL, as the production profile runs them: each command has
/// its effect and its event once, a bad one retries and lands in the error queue, and a command whose consumer is
/// not running yet waits in the sender's outbox instead of being lost.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ServiceCommandsOnRabbitMqTests
{
    [Fact]
    public async Task A_re_referral_sent_twice_reaches_the_district_once_and_its_event_is_published_once()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        await using var host = await ProductionHost.StartAsync(environment);
        var referralId = await ReferralSeed.AddAsync(host, Guid.NewGuid());
        var command = new ReceiveReReferral(referralId, Guid.NewGuid(), "spanga-tensta", DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();
        var observer = new ConsumedMessages();
        using var skips = new InboxSkips(nameof(ReceiveReReferralConsumer));
        using var observing = host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(observer);
        var endpoint = await host.Services.GetRequiredService<IBus>().GetSendEndpoint(CommandRoutes.Address(typeof(ReceiveReReferral)));

        await endpoint.Send(command, c => c.MessageId = messageId);
        await endpoint.Send(command, c => c.MessageId = messageId);
        await observer.WaitForAsync(messageId, deliveries: 2, TimeSpan.FromSeconds(30));

        // The inbox skipped the second delivery: handled twice without a fault, one effect, one event, one inbox row.
        observer.Faulted(messageId).Should().Be(0);
        observer.Handled(messageId).Should().Be(2);
        skips.Count.Should().Be(1);
        (await QueryAsync(host, db => db.ReReferrals.CountAsync(r => r.ApplicationId == referralId))).Should().Be(1);
        (await QueryAsync(host, db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId))).Should().Be(1);
        var dispatched = await Poll.UntilAsync(async () =>
        {
            var staged = await EventsAsync(host, nameof(ReReferralReceived), referralId);
            return staged.Count > 0 && staged.All(m => m.DispatchedAt is not null) ? staged : null;
        }, TimeSpan.FromSeconds(30), "ReReferralReceived to be published");
        dispatched.Should().ContainSingle();
    }

    [Fact]
    public async Task A_re_referral_for_an_unknown_referral_lands_in_the_error_queue_and_succeeds_when_redelivered_after_the_fix()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        await using var host = await ProductionHost.StartAsync(environment);
        var queues = host.Services.GetRequiredService<ErrorQueues>();
        var unknownReferral = Guid.NewGuid();
        var command = new ReceiveReReferral(unknownReferral, Guid.NewGuid(), "spanga-tensta", DateTimeOffset.UtcNow);
        var endpoint = await host.Services.GetRequiredService<IBus>().GetSendEndpoint(CommandRoutes.Address(typeof(ReceiveReReferral)));

        await endpoint.Send(command);

        var queue = CommandRoutes.QueueName(typeof(ReceiveReReferral));
        var failed = await Poll.UntilAsync(async () => (await queues.PeekAsync(queue, DeadLetterKind.Error, CancellationToken.None)) is { Count: > 0 } m ? m : null,
            TimeSpan.FromSeconds(60), $"the command in {queue}_error");
        failed.Should().ContainSingle().Which.ExceptionMessage.Should().Contain(unknownReferral.ToString()).And.Contain("does not have");
        (await QueryAsync(host, db => db.ReReferrals.CountAsync())).Should().Be(0, "a failed message changes nothing");

        await ReferralSeed.AddAsync(host, unknownReferral);
        (await queues.RedeliverAsync(queue, DeadLetterKind.Error, CancellationToken.None)).Should().Be(1);

        await Poll.UntilAsync(async () => await QueryAsync(host, db => db.ReReferrals.AnyAsync(r => r.Id == command.ReReferralId)) ? "there" : null,
            TimeSpan.FromSeconds(30), "the redelivered re-referral to reach the case");
        (await queues.PeekAsync(queue, DeadLetterKind.Error, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_command_whose_consumer_is_not_running_waits_in_the_outbox_and_goes_when_the_consumer_starts()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        await using var workflowsOnly = await ProductionHost.StartAsync(environment, "Workflows");
        var referralId = Guid.NewGuid();
        var command = new ReceiveReReferral(referralId, Guid.NewGuid(), "spanga-tensta", DateTimeOffset.UtcNow);
        await using (var scope = workflowsOnly.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            db.Stage(command, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var refused = await Poll.UntilAsync(async () =>
        {
            await using var scope = workflowsOnly.Services.CreateAsyncScope();
            var staged = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync();
            return staged.Attempts > 0 ? staged : null;
        }, TimeSpan.FromSeconds(30), "the first send to be returned by RabbitMQ");
        refused.DispatchedAt.Should().BeNull("no queue takes the command yet, so it stays in the outbox");
        refused.LastError.Should().NotBeNullOrEmpty();

        await using var financialAid = await ProductionHost.StartAsync(environment, "FinancialAid");
        await ReferralSeed.AddAsync(financialAid, referralId);

        await Poll.UntilAsync(async () => await QueryAsync(financialAid, db => db.ReReferrals.AnyAsync(r => r.Id == command.ReReferralId)) ? "there" : null,
            TimeSpan.FromSeconds(60), "the waiting command to be delivered once its consumer runs");
    }

    private static async Task<T> QueryAsync<T>(TestHost host, Func<FinancialAidDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>());
    }

    private static async Task<List<OutboxMessage>> EventsAsync(TestHost host, string eventName, Guid referralId) =>
        (await QueryAsync(host, db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync()))
            .Where(m => m.MessageType.Contains($".{eventName},", StringComparison.Ordinal) && m.Body.Contains(referralId.ToString(), StringComparison.Ordinal))
            .ToList();
}
