using System.Collections.Concurrent;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>The embedded profile's lock: one process owns the SQLite file, so a semaphore per instance suffices.</summary>
public sealed class InProcessInstanceLock : IWorkflowInstanceLock
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async ValueTask<IAsyncDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken)
    {
        var semaphore = _locks.GetOrAdd(instanceId, _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellationToken);
        return new Releaser(semaphore);
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            semaphore.Release();
            return ValueTask.CompletedTask;
        }
    }
}
