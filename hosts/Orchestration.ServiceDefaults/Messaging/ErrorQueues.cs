using System.Text;
using RabbitMQ.Client;

namespace Orchestration.ServiceDefaults.Messaging;

/// <summary>
/// Reads and empties the RabbitMQ error and skipped queues (<c>&lt;queue&gt;_error</c>, <c>&lt;queue&gt;_skipped</c>, see
/// <see cref="DeadLetterKind"/>) of this host's endpoints: lists what was set aside and why, and moves the messages
/// back to their queue once the cause is fixed. MassTransit's fault and reason headers carry the why.
/// </summary>
public sealed class ErrorQueues(RabbitMqConnectionProvider connections, ReceiveEndpointNames endpoints)
{
    public const int MaxListed = 100;

    public IReadOnlyCollection<string> Queues => endpoints.All;

    public bool Knows(string queue) => endpoints.Contains(queue);

    /// <summary>Marks a message moved back by one redelivery pass.</summary>
    private const string PassHeader = "Orchestration-Redelivery-Pass";

    /// <summary>Looks at up to <see cref="MaxListed"/> messages without taking them (each is requeued).</summary>
    public async Task<IReadOnlyList<ErrorQueueMessage>> PeekAsync(string queue, DeadLetterKind kind, CancellationToken cancellationToken)
    {
        var source = QueueOf(queue, kind);
        if (!await ExistsAsync(source, cancellationToken))
        {
            return [];
        }

        await using var channel = await (await connections.GetAsync()).CreateChannelAsync(cancellationToken: cancellationToken);
        var seen = new List<(ulong Tag, ErrorQueueMessage Message)>();
        while (seen.Count < MaxListed && await channel.BasicGetAsync(source, autoAck: false, cancellationToken) is { } result)
        {
            seen.Add((result.DeliveryTag, Describe(result)));
        }

        // Requeue everything only after reading, so that the same message is not read twice.
        foreach (var (tag, _) in seen)
        {
            await channel.BasicNackAsync(tag, multiple: false, requeue: true, cancellationToken);
        }

        return seen.Select(s => s.Message).ToList();
    }

    /// <summary>Moves every message of the error (or skipped) queue back to its queue, once; returns how many moved.</summary>
    public async Task<int> RedeliverAsync(string queue, DeadLetterKind kind, CancellationToken cancellationToken)
    {
        var source = QueueOf(queue, kind);
        if (!await ExistsAsync(source, cancellationToken))
        {
            return 0;
        }

        await using var channel = await (await connections.GetAsync()).CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        // A message that fails again at once (one that cannot be deserialized) is back in this queue before the loop
        // ends. Each moved message carries this pass's mark (MassTransit keeps a message's headers when it sets it
        // aside), so the pass stops when it meets its own work instead of moving it round again.
        var pass = Guid.NewGuid().ToString("N");
        var moved = 0;
        while (await channel.BasicGetAsync(source, autoAck: false, cancellationToken) is { } result)
        {
            if (Header(result, PassHeader) == pass)
            {
                await channel.BasicNackAsync(result.DeliveryTag, multiple: false, requeue: true, cancellationToken);
                break;
            }

            var headers = result.BasicProperties.Headers?
                .Where(h => !h.Key.StartsWith("MT-Fault", StringComparison.Ordinal) && !h.Key.StartsWith("MT-Reason", StringComparison.Ordinal))
                .ToDictionary(h => h.Key, h => h.Value) ?? [];
            headers[PassHeader] = pass;
            var properties = new BasicProperties(result.BasicProperties) { Headers = headers };
            // The default exchange routes by queue name; MassTransit's own queue takes the message as if new.
            await channel.BasicPublishAsync("", queue, mandatory: true, properties, result.Body, cancellationToken);
            await channel.BasicAckAsync(result.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }

        return moved;
    }

    /// <summary>The queue MassTransit sets the endpoint's messages of this kind aside in.</summary>
    public static string QueueOf(string queue, DeadLetterKind kind) => kind == DeadLetterKind.Skipped ? $"{queue}_skipped" : $"{queue}_error";

    /// <summary>MassTransit makes an error or skipped queue when it first needs it; before that there is nothing to read.</summary>
    private async Task<bool> ExistsAsync(string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a missing queue closes the channel, so it gets one of its own.
        await using var channel = await (await connections.GetAsync()).CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return false;
        }
    }

    private static ErrorQueueMessage Describe(BasicGetResult result) => new(
        result.BasicProperties.MessageId ?? Header(result, "MessageId"),
        Header(result, "MT-Fault-MessageType") ?? result.BasicProperties.Type,
        Header(result, "MT-Fault-ExceptionType"),
        Header(result, "MT-Fault-Message"),
        Header(result, "MT-Fault-Timestamp"),
        result.Redelivered,
        Header(result, "MT-Reason"));

    /// <summary>A header as text: RabbitMQ hands string headers over as bytes.</summary>
    private static string? Header(BasicGetResult result, string name) =>
        result.BasicProperties.Headers?.TryGetValue(name, out var value) == true ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            null => null,
            _ => value.ToString(),
        } : null;
}
