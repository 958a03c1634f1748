namespace Orchestration.Benchmarks.Suite;

/// <summary>Percentiles of measured durations (nearest rank), in milliseconds.</summary>
public static class Latencies
{
    public static double Percentile(IReadOnlyList<double> milliseconds, double percent)
    {
        var sorted = milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
