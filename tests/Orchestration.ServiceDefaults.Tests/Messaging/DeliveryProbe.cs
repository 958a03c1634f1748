using System.Collections.Concurrent;

namespace Orchestration.ServiceDefaults.Tests.Messaging;

/// <summary>Counts deliveries per order so that tests await them instead of sleeping.</summary>
public sealed class DeliveryProbe
{
    private readonly ConcurrentDictionary<Guid, int> _deliveries = new();
    private readonly ConcurrentDictionary<Guid, (int Expected, TaskCompletionSource Done)> _waiting = new();

    public void Delivered(Guid orderId)
    {
        var count = _deliveries.AddOrUpdate(orderId, 1, (_, c) => c + 1);
        if (_waiting.TryGetValue(orderId, out var waiter) && count >= waiter.Expected)
        {
            waiter.Done.TrySetResult();
        }
    }

    public int Count(Guid orderId) => _deliveries.GetValueOrDefault(orderId);

    public Task WaitForAsync(Guid orderId, int deliveries, TimeSpan timeout)
    {
        var waiter = (deliveries, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _waiting[orderId] = waiter;
        if (Count(orderId) >= deliveries)
        {
            waiter.Item2.TrySetResult();
        }

        return waiter.Item2.Task.WaitAsync(timeout);
    }
}
