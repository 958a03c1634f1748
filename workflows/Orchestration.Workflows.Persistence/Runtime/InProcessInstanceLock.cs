namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// The embedded profile's lock: one process owns the SQLite file, so a semaphore per instance suffices. A semaphore
/// lives only while someone holds or waits for it, so the map does not grow with every instance ever run.
/// </summary>
public sealed class InProcessInstanceLock : IWorkflowInstanceLock
{
    private readonly Dictionary<string, Entry> _locks = new(StringComparer.Ordinal);

    /// <summary>Instances whose semaphore is held or awaited now.</summary>
    public int TrackedCount
    {
        get
        {
            lock (_locks)
            {
                return _locks.Count;
            }
        }
    }

    public async ValueTask<IAsyncDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_locks)
        {
            if (!_locks.TryGetValue(instanceId, out entry!))
            {
                _locks[instanceId] = entry = new Entry();
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(instanceId, entry);
            throw;
        }

        return new Releaser(this, instanceId, entry);
    }

    private void Leave(string instanceId, Entry entry)
    {
        lock (_locks)
        {
            if (--entry.Users == 0)
            {
                _locks.Remove(instanceId);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        /// <summary>Holders and waiters; guarded by the map's lock.</summary>
        public int Users { get; set; }
    }

    private sealed class Releaser(InProcessInstanceLock owner, string instanceId, Entry entry) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                entry.Semaphore.Release();
                owner.Leave(instanceId, entry);
            }

            return ValueTask.CompletedTask;
        }
    }
}
