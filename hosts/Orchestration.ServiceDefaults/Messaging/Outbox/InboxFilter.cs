using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Orchestration.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The inbox in front of one consumer. One transaction per message on the consumer's own DbContext (the same scoped
/// instance): its first statement claims the message in the inbox (<see cref="InboxStatement"/>); a message this
/// consumer already committed claims nothing and is skipped before the consumer runs. Otherwise the consumer runs,
/// its SaveChanges joins the transaction, and the commit here makes the inbox row, the effect and any staged messages
/// durable together. A consumer that fails rolls all of it back, the inbox row included, so the retry runs it again.
/// Keyed by the consumer, so one message handled by two consumers is handled by each.
/// </summary>
internal sealed class InboxFilter<TConsumer, TContext>(string consumerKey) : IFilter<ConsumerConsumeContext<TConsumer>>
    where TConsumer : class
    where TContext : DbContext
{
    public async Task Send(ConsumerConsumeContext<TConsumer> context, IPipe<ConsumerConsumeContext<TConsumer>> next)
    {
        if (context.MessageId is not { } messageId)
        {
            throw new InvalidOperationException($"{consumerKey} received a message without a MessageId; it cannot be deduplicated.");
        }

        var db = context.GetServiceOrCreateInstance<TContext>();
        var time = context.GetServiceOrCreateInstance<TimeProvider>();
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        if (!await InboxStatement.For(db).TryInsertAsync(db, messageId, consumerKey, time.GetUtcNow(), context.CancellationToken))
        {
            context.GetServiceOrCreateInstance<ILogger<InboxFilter<TConsumer, TContext>>>()
                .LogInformation("Message {MessageId} was already handled by {Consumer}; skipped", messageId, consumerKey);
            InboxTelemetry.CountSkipped(consumerKey);
            return;
        }

        await next.Send(context);
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }

        await transaction.CommitAsync(context.CancellationToken);
        // SaveChanges inside a transaction does not wake the dispatcher (OutboxSaveChangesInterceptor); the commit does.
        if (HasStaged(db))
        {
            context.GetServiceOrCreateInstance<OutboxSignal>().Notify();
        }
    }

    /// <summary>
    /// Whether the message staged anything, asked without another DetectChanges (a scan of every tracked entity):
    /// a staged message is tracked when it is added, and everything was saved just before.
    /// </summary>
    private static bool HasStaged(TContext db)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.ChangeTracker.Entries<OutboxMessage>().Any();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox").Add("consumer", consumerKey);
}
