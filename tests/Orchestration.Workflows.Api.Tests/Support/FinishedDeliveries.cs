using System.Collections.Concurrent;
using MassTransit;

namespace Orchestration.Workflows.Api.Tests.Support;

/// <summary>
/// Deliveries the bus finished, per message id: handled (the inbox may have dropped it) or faulted. A test awaits
/// the delivery it caused instead of relying on the order in which the bus happens to consume messages.
/// </summary>
public sealed class FinishedDeliveries : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _handled = new();
    private readonly ConcurrentQueue<(Guid MessageId, Exception Exception)> _faults = new();

    public IReadOnlyList<(Guid MessageId, Exception Exception)> Faults => [.. _faults];

    public int Handled(Guid messageId) => _handled.GetValueOrDefault(messageId);

    /// <summary>Waits until the message was handled or faulted at least once since this observer was connected.</summary>
    public Task WaitForAsync(Guid messageId, TimeSpan timeout) =>
        Orchestration.Testing.Hosting.Poll.UntilAsync(
            () => Task.FromResult(Handled(messageId) > 0 || _faults.Any(f => f.MessageId == messageId) ? "done" : null),
            timeout, $"the delivery of message {messageId}");

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.MessageId is { } id)
        {
            _handled.AddOrUpdate(id, 1, (_, n) => n + 1);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class
    {
        if (context.MessageId is { } id)
        {
            _faults.Enqueue((id, exception));
        }

        return Task.CompletedTask;
    }
}
