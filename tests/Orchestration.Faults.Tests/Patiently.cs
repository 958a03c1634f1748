using System.Diagnostics;

namespace Orchestration.Faults.Tests;

/// <summary>
/// Awaits a condition with a bound, probing once a second: dozens of referrals wait at once on hosts that restart on
/// two cores, and probing faster would only slow down what they wait for.
/// </summary>
internal static class Patiently
{
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        throw new TimeoutException($"Waited {timeout} for {what}.");
    }
}
