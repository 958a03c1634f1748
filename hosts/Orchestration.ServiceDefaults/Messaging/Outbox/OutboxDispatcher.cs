using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.ServiceDefaults.Observability;

namespace Orchestration.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Publishes (events) or sends (commands) a module's committed outbox messages, oldest first, each with its outbox id as MessageId, and marks
/// them dispatched. A crash between publish and mark publishes again after restart: at least once, and the
/// receivers' inboxes drop the repeat. A message that cannot be published is retried with its error kept.
/// </summary>
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
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Publishing before the bus has declared its topology would drop messages on an unbound exchange.
        await WhenStartedAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
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
                await signal.WaitAsync(PollInterval, stoppingToken);
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
            .OrderBy(m => m.Attempts).ThenBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var published = 0;
        foreach (var message in pending.OrderBy(m => m.CreatedAt))
        {
            try
            {
                var type = Type.GetType(message.MessageType, throwOnError: true)!;
                var body = JsonSerializer.Deserialize(message.Body, type, OutboxDbContextExtensions.Json)!;
                await sender.DeliverAsync(publisher, body, type, context => context.MessageId = message.Id, cancellationToken);
                message.DispatchedAt = time.GetUtcNow();
                capture.Message(type.FullName!, message.Body);
                published++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = $"{ex.GetType().Name}: {ex.Message}";
                LogPublishFailed(message.Id, ex);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return published;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} could not be published; it will be retried")]
    private partial void LogPublishFailed(Guid messageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox dispatcher of {Context} failed; it tries again shortly")]
    private partial void LogBatchFailed(string context, Exception exception);
}
