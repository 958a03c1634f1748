using System.Diagnostics;

namespace Orchestration.Testing.Hosting;

/// <summary>Awaits a condition that another process or thread brings about, with a bound: never a bare sleep.</summary>
public static class Poll
{
    /// <summary>Probes every <paramref name="every"/> (100 ms unless given) until the probe finds something or the timeout passes.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what, TimeSpan? every = null)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(every ?? TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"Waited {timeout} for {what}.");
    }
}
