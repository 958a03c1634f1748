using System.Diagnostics;

namespace Orchestration.Benchmarks.Suite;

/// <summary>Progress lines with the time since the suite started, so a long step is visibly alive.</summary>
public static class Progress
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static void Say(string what) => Console.WriteLine($"[{Clock.Elapsed:mm\\:ss}] {what}");

    public static TimeSpan Elapsed => Clock.Elapsed;
}
