using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Orchestration.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The inbox in front of one consumer: a message this consumer already handled is skipped; otherwise the inbox row
/// is added to the consumer's own DbContext (the same scoped instance), so it commits in the transaction that
/// commits the effect. When the consumer has nothing to change, the row still commits here, so a redelivery is
/// skipped too. Keyed by the consumer, so one message handled by two consumers is handled by each.
/// </summary>
internal sealed class InboxFilter<TConsumer, TContext>(string consumerKey) : IFilter<ConsumerConsumeContext<TConsumer>>
    where TConsumer : class
    where TContext : DbContext
{
    public async Task Send(ConsumerConsumeContext<TConsumer> context, IPipe<ConsumerConsumeContext<TConsumer>> next)
    {
        var db = context.GetServiceOrCreateInstance<TContext>();
        var time = context.GetServiceOrCreateInstance<TimeProvider>();
        // One pooled connection for the inbox check, the consumer's reads and the save, instead of one per command.
        await db.Database.OpenConnectionAsync(context.CancellationToken);
        try
        {
            if (!await db.TryAcceptAsync(context.MessageId, consumerKey, time.GetUtcNow(), context.CancellationToken))
            {
                context.GetServiceOrCreateInstance<ILogger<InboxFilter<TConsumer, TContext>>>()
                    .LogInformation("Message {MessageId} was already handled by {Consumer}; skipped", context.MessageId, consumerKey);
                InboxTelemetry.CountSkipped(consumerKey);
                return;
            }

            await next.Send(context);
            if (db.ChangeTracker.HasChanges())
            {
                await db.SaveChangesAsync(context.CancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox").Add("consumer", consumerKey);
}
