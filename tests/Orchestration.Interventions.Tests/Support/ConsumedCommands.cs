using System.Collections.Concurrent;
using MassTransit;

namespace Orchestration.Interventions.Tests.Support;

/// <summary>Counts finished deliveries per message id (handled or dropped by the inbox), so tests await them instead of sleeping.</summary>
public sealed class ConsumedCommands : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _consumed = new();
    private readonly ConcurrentDictionary<Guid, (int Expected, TaskCompletionSource Done)> _waiting = new();

    public Task WaitForAsync(Guid messageId, int deliveries, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[messageId] = (deliveries, done);
        if (_consumed.GetValueOrDefault(messageId) >= deliveries)
        {
            done.TrySetResult();
        }

        return done.Task.WaitAsync(timeout);
    }

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.MessageId is { } id)
        {
            var count = _consumed.AddOrUpdate(id, 1, (_, c) => c + 1);
            if (_waiting.TryGetValue(id, out var waiter) && count >= waiter.Expected)
            {
                waiter.Done.TrySetResult();
            }
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
