using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.ServiceDefaults.Observability;

namespace Orchestration.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Publishes (events) or sends (commands) a module's committed outbox messages, each with its outbox id as MessageId, and marks
/// them dispatched, a batch per commit. A crash between publish and mark publishes again after restart: at least
/// once, and the receivers' inboxes drop the repeat. A message that cannot be published is retried with its error kept.
/// </summary>
/// <remarks>
/// Order is kept per referral: the messages of one referral (their contract's <c>ReferralId</c>) leave one after
/// another, oldest first, each only after the broker confirmed the one before; when one is refused, the later ones
/// of its referral stay for the next pass. Different referrals do not wait for each other: their confirms are awaited
/// together, so a batch costs about one confirm round trip instead of one per message. Messages without a referral
/// share one lane, in the same way; one whose contract cannot be read has a lane of its own and blocks nothing.
/// A batch takes the oldest fresh messages first and retried ones after them, so with more than a batch waiting a
/// refused message can still be overtaken by its referral's later ones.
/// </remarks>
public sealed partial class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    PrivacyCapture capture,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> ReferralIdProperties = new();
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Publishing before the bus has declared its topology would drop messages on an unbound exchange.
        await WhenStartedAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = signal.Next;
            int dispatched;
            try
            {
                dispatched = await DispatchBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogBatchFailed(typeof(TContext).Name, ex);
                dispatched = 0;
            }

            if (dispatched < BatchSize)
            {
                await OutboxSignal.WaitAsync(next, PollInterval, stoppingToken);
            }
        }
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    /// <summary>Dispatches up to one batch; returns how many were published.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        var sender = scope.ServiceProvider.GetRequiredService<ISendEndpointProvider>();
        var pending = await db.Set<OutboxMessage>().Where(m => m.DispatchedAt == null)
            .OrderBy(m => m.Attempts).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var lanes = pending.OrderBy(m => m.CreatedAt).Select(Read).GroupBy(m => m.Lane);
        var published = (await Task.WhenAll(lanes.Select(lane => DeliverInOrderAsync(lane, sender, publisher, cancellationToken)))).SelectMany(ids => ids).ToList();

        // One statement marks what went (instead of an UPDATE per message); a crash before it sends those again, which
        // the inboxes absorb. Refusals (attempts, error) are the tracked changes that SaveChanges writes, if any.
        if (published.Count > 0)
        {
            var at = time.GetUtcNow();
            await db.Set<OutboxMessage>().Where(m => published.Contains(m.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.DispatchedAt, at), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return published.Count;
    }

    /// <summary>One lane's messages, each after the broker confirmed the previous; stops at the first refusal. Returns the ids that went.</summary>
    private async Task<List<Guid>> DeliverInOrderAsync(IEnumerable<Outgoing> lane, ISendEndpointProvider sender, IPublishEndpoint publisher,
        CancellationToken cancellationToken)
    {
        var published = new List<Guid>();
        foreach (var outgoing in lane)
        {
            var message = outgoing.Message;
            if (outgoing.Unreadable is { } unreadable)
            {
                RecordFailure(message, unreadable);
                return published;
            }

            try
            {
                await sender.DeliverAsync(publisher, outgoing.Body!, outgoing.Type!, context => context.MessageId = message.Id, cancellationToken);
                capture.Message(outgoing.Type!.FullName!, message.Body);
                published.Add(message.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                RecordFailure(message, ex);
                // The later messages of this referral must not overtake it; they stay pending for the next pass.
                return published;
            }
        }

        return published;
    }

    private void RecordFailure(OutboxMessage message, Exception exception)
    {
        message.Attempts++;
        message.LastError = $"{exception.GetType().Name}: {exception.Message}";
        LogPublishFailed(message.Id, exception);
    }

    /// <summary>The message's contract and the lane it travels in; one that cannot be read gets a lane of its own.</summary>
    private static Outgoing Read(OutboxMessage message)
    {
        try
        {
            var type = Type.GetType(message.MessageType, throwOnError: true)!;
            var body = JsonSerializer.Deserialize(message.Body, type, OutboxDbContextExtensions.Json)!;
            var referral = ReferralIdProperties.GetOrAdd(type, t => t.GetProperty("ReferralId") is { PropertyType: var p } property && p == typeof(Guid) ? property : null);
            return new Outgoing(message, type, body, referral?.GetValue(body) is Guid referralId ? referralId.ToString() : "", null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new Outgoing(message, null, null, $"unreadable:{message.Id}", ex);
        }
    }

    private sealed record Outgoing(OutboxMessage Message, Type? Type, object? Body, string Lane, Exception? Unreadable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} could not be published; it will be retried")]
    private partial void LogPublishFailed(Guid messageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox dispatcher of {Context} failed; it tries again shortly")]
    private partial void LogBatchFailed(string context, Exception exception);
}
