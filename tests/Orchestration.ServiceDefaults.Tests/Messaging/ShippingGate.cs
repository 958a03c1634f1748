namespace Orchestration.ServiceDefaults.Tests.Messaging;

/// <summary>
/// Counts the runs of <see cref="OrderShippedConsumer"/> and can hold a run open inside its transaction (closed gate)
/// or make the first runs fail after their save, so tests see what the inbox does around a run in progress.
/// </summary>
public sealed class ShippingGate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _runs;
    private volatile bool _closed;

    public int Runs => Volatile.Read(ref _runs);

    /// <summary>How many runs, from the first, throw after saving their effect.</summary>
    public int FailingRuns { get; set; }

    public void Close() => _closed = true;

    public void Open() => _open.TrySetResult();

    /// <summary>Counts a run; returns its number, from 1.</summary>
    public int Enter() => Interlocked.Increment(ref _runs);

    public Task PassAsync(CancellationToken cancellationToken) => _closed ? _open.Task.WaitAsync(cancellationToken) : Task.CompletedTask;
}
