using MassTransit;
using Orchestration.ServiceDefaults.Messaging.Outbox;

namespace Orchestration.ServiceDefaults.Tests.Messaging;

/// <summary>Confirms the order once per message, whatever the number of deliveries (inbox, then effect, then one SaveChanges).</summary>
public sealed class OrderPlacedConsumer(ShopDbContext db, DeliveryProbe probe, FaultSwitch fault, TimeProvider time) : IConsumer<OrderPlaced>
{
    public async Task Consume(ConsumeContext<OrderPlaced> context)
    {
        if (fault.Failing)
        {
            throw new InvalidOperationException("The inventory service is unavailable.");
        }

        if (await db.TryAcceptAsync(context.MessageId, nameof(OrderPlacedConsumer), time.GetUtcNow(), context.CancellationToken))
        {
            var order = await db.Orders.FindAsync([context.Message.OrderId], context.CancellationToken);
            order!.Confirmations++;
            await db.SaveChangesAsync(context.CancellationToken);
        }

        probe.Delivered(context.Message.OrderId);
    }
}
