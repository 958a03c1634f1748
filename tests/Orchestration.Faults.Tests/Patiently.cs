using Orchestration.Testing.Hosting;

namespace Orchestration.Faults.Tests;

/// <summary>
/// Awaits a condition with a bound, probing once a second: dozens of referrals wait at once on hosts that restart on
/// two cores, and probing faster would only slow down what they wait for.
/// </summary>
internal static class Patiently
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    public static Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
        where T : class => Poll.UntilAsync(probe, timeout, what, Every);
}
