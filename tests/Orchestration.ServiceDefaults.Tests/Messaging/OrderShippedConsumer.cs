using MassTransit;
using Orchestration.ServiceDefaults.Messaging.Outbox;

namespace Orchestration.ServiceDefaults.Tests.Messaging;

/// <summary>
/// Registered with AddEventConsumer, so the inbox filter claims each message before it runs and commits after it:
/// confirms the order, stages an OrderPlaced for <see cref="OrderPlacedConsumer"/> and saves; then fails or waits
/// as the <see cref="ShippingGate"/> says, still inside the filter's transaction.
/// </summary>
public sealed class OrderShippedConsumer(ShopDbContext db, ShippingGate gate, TimeProvider time) : IConsumer<OrderShipped>
{
    public async Task Consume(ConsumeContext<OrderShipped> context)
    {
        var run = gate.Enter();
        var order = await db.Orders.FindAsync([context.Message.OrderId], context.CancellationToken);
        order!.Confirmations++;
        db.Stage(new OrderPlaced(order.Id), time.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
        if (run <= gate.FailingRuns)
        {
            throw new InvalidOperationException("The carrier did not answer.");
        }

        await gate.PassAsync(context.CancellationToken);
    }
}
