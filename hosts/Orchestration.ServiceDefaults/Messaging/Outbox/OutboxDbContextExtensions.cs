using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Orchestration.ServiceDefaults.Messaging.Outbox;

/// <summary>Staging messages and recording handled ones, in the module's own unit of work.</summary>
public static class OutboxDbContextExtensions
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// Stages <paramref name="message"/>: it leaves only if the next SaveChanges commits; an event is published, a
    /// command is sent to its queue (<see cref="CommandRoutes"/>).
    /// </summary>
    public static OutboxMessage Stage<T>(this DbContext db, T message, DateTimeOffset now)
        where T : class
    {
        var staged = Compose(message, now);
        db.Set<OutboxMessage>().Add(staged);
        return staged;
    }

    /// <summary>
    /// The outbox row of <paramref name="message"/>, not yet staged: for a writer that inserts a batch of rows itself,
    /// in the same transaction as the change that caused them.
    /// </summary>
    public static OutboxMessage Compose(object message, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        // The runtime type: a caller may hold the message as object or as a base type.
        MessageType = message.GetType().AssemblyQualifiedName!,
        Body = JsonSerializer.Serialize(message, message.GetType(), Json),
        CreatedAt = now,
    };

    /// <summary>Stages the events <paramref name="aggregate"/> announced, for the next SaveChanges to commit with the change.</summary>
    public static void StageAnnouncements(this DbContext db, Cases.AnnouncingCase aggregate, DateTimeOffset now)
    {
        foreach (var message in aggregate.TakeAnnouncements())
        {
            db.Stage(message, now);
        }
    }

    /// <summary>
    /// False when this consumer already handled the message (skip it); otherwise records it, to be committed with
    /// the effect. Two deliveries racing each other collide on the key, and the loser is retried and then skipped.
    /// </summary>
    public static async Task<bool> TryAcceptAsync(this DbContext db, Guid? messageId, string consumer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (messageId is not { } id)
        {
            throw new InvalidOperationException($"{consumer} received a message without a MessageId; it cannot be deduplicated.");
        }

        if (await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == id && m.Consumer == consumer, cancellationToken))
        {
            return false;
        }

        db.Set<InboxMessage>().Add(new InboxMessage { MessageId = id, Consumer = consumer, ReceivedAt = now });
        return true;
    }
}
