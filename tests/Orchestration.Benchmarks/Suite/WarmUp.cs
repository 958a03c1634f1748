using System.Diagnostics;

namespace Orchestration.Benchmarks.Suite;

/// <summary>
/// Runs a case's own work, unmeasured, until the process has reached steady state. A server runs for hours; a
/// measurement taken in its first seconds measures tiered compilation instead (the JIT thread took 22 % of the CPU
/// samples of a 16 s durable run, and a run with TieredCompilation=0 spent 3.4 instead of 8.8 ms of host CPU per
/// burst), so every case warms with the work it is about to measure, at the concurrency it measures.
/// </summary>
public static class WarmUp
{
    /// <summary>4 s: tier-0 code is promoted after 30 calls and a 100 ms quiet period, then instrumented once more (dynamic PGO).</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(4);

    /// <summary>Repeats <paramref name="round"/> until <paramref name="duration"/> has passed (at least once).</summary>
    public static async Task RunAsync(string what, Func<Task> round, TimeSpan? duration = null)
    {
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        do
        {
            await round();
            rounds++;
        }
        while (clock.Elapsed < (duration ?? Default));

        Progress.Say($"    warmed up: {what}, {rounds} round(s) in {clock.Elapsed.TotalSeconds:F1} s");
    }
}
