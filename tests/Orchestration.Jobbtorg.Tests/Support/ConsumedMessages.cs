using System.Collections.Concurrent;
using MassTransit;

namespace Orchestration.Jobbtorg.Tests.Support;

/// <summary>Counts finished deliveries per message id, so a test can wait for a duplicate to have been handled.</summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _done = new();

    public int Count(Guid messageId) => _done.GetValueOrDefault(messageId);

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        Record(context.MessageId);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class
    {
        Record(context.MessageId);
        return Task.CompletedTask;
    }

    private void Record(Guid? messageId)
    {
        if (messageId is { } id)
        {
            _done.AddOrUpdate(id, 1, (_, n) => n + 1);
        }
    }
}
