using System.Collections.Concurrent;
using MassTransit;

namespace Orchestration.Testing.Messaging;

/// <summary>
/// Counts finished deliveries per message id, handled (which includes one the inbox skipped) and failed apart, so a
/// test waits until a duplicate has been dealt with instead of sleeping, and can tell a skip from a fault.
/// </summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _handled = new();
    private readonly ConcurrentDictionary<Guid, int> _faulted = new();
    private readonly ConcurrentDictionary<Guid, (int Expected, TaskCompletionSource Done)> _waiting = new();

    /// <summary>Deliveries that ended, handled or failed (each failed attempt counts).</summary>
    public int Count(Guid messageId) => Handled(messageId) + Faulted(messageId);

    public int Handled(Guid messageId) => _handled.GetValueOrDefault(messageId);

    public int Faulted(Guid messageId) => _faulted.GetValueOrDefault(messageId);

    /// <summary>Completes once <paramref name="deliveries"/> deliveries of the message have ended, handled or failed.</summary>
    public Task WaitForAsync(Guid messageId, int deliveries, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[messageId] = (deliveries, done);
        if (Count(messageId) >= deliveries)
        {
            done.TrySetResult();
        }

        return done.Task.WaitAsync(timeout);
    }

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class => Record(_handled, context.MessageId);

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Record(_faulted, context.MessageId);

    private Task Record(ConcurrentDictionary<Guid, int> counts, Guid? messageId)
    {
        if (messageId is { } id)
        {
            counts.AddOrUpdate(id, 1, (_, n) => n + 1);
            if (_waiting.TryGetValue(id, out var waiter) && Count(id) >= waiter.Expected)
            {
                waiter.Done.TrySetResult();
            }
        }

        return Task.CompletedTask;
    }
}
