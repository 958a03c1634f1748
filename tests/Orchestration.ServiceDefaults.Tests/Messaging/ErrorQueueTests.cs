using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.ServiceDefaults.Messaging;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Infrastructure;

namespace Orchestration.ServiceDefaults.Tests.Messaging;

/// <summary>A consumer that keeps failing sends the message to the error queue with the exception; redelivery after the fix works.</summary>
[Trait("Category", "Integration")]
public sealed class ErrorQueueTests
{
    [Fact]
    public async Task A_failing_message_lands_in_the_error_queue_with_its_exception_and_succeeds_when_redelivered_after_the_fix()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        await using var shop = await ShopHost.CreateAsync(environment);
        shop.Services.GetRequiredService<FaultSwitch>().Failing = true;
        var queues = shop.Services.GetRequiredService<ErrorQueues>();

        var orderId = await shop.PlaceOrderAsync();
        var failed = await WaitForErrorAsync(queues, "order-placed", TimeSpan.FromSeconds(30));

        queues.Queues.Should().Contain("order-placed");
        failed.Should().ContainSingle().Which.Should().Match<ErrorQueueMessage>(m =>
            m.ExceptionType == typeof(InvalidOperationException).FullName && m.ExceptionMessage == "The inventory service is unavailable.");
        (await queues.PeekAsync("order-placed", DeadLetterKind.Error, CancellationToken.None)).Should().HaveCount(1, "looking does not take the message away");
        (await shop.QueryAsync(db => db.Orders.SingleAsync(o => o.Id == orderId))).Confirmations.Should().Be(0);

        shop.Services.GetRequiredService<FaultSwitch>().Failing = false;
        (await queues.RedeliverAsync("order-placed", DeadLetterKind.Error, CancellationToken.None)).Should().Be(1);

        await shop.Probe.WaitForAsync(orderId, 1, TimeSpan.FromSeconds(30));
        (await shop.QueryAsync(db => db.Orders.SingleAsync(o => o.Id == orderId))).Confirmations.Should().Be(1);
        (await queues.PeekAsync("order-placed", DeadLetterKind.Error, CancellationToken.None)).Should().BeEmpty();
    }

    /// <summary>The failed message reaches the error queue after the retries with back-off.</summary>
    private static Task<IReadOnlyList<ErrorQueueMessage>> WaitForErrorAsync(ErrorQueues queues, string queue, TimeSpan timeout) =>
        Poll.UntilAsync(async () =>
        {
            var messages = await queues.PeekAsync(queue, DeadLetterKind.Error, CancellationToken.None);
            return messages.Count > 0 ? messages : null;
        }, timeout, $"a message in {queue}_error");
}
