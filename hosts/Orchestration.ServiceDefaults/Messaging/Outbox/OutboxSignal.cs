namespace Orchestration.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Wakes every module's dispatcher as soon as a commit staged messages, so none waits for its next poll. One signal
/// serves all modules of a host and a commit does not say whose outbox it wrote, so a notification wakes them all
/// (each then looks at its own outbox); a semaphore woke one of them, most often another module's.
/// </summary>
public sealed class OutboxSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>
    /// Completes at the first notification after it was read. A dispatcher reads it before it looks for work, so a
    /// commit made while it looks still wakes it.
    /// </summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    /// <summary>True when <paramref name="next"/> (from <see cref="Next"/>) completed within <paramref name="timeout"/>.</summary>
    public static async Task<bool> WaitAsync(Task next, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await next.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
