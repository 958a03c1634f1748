namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>Exponential back-off with jitter, so that rows failing together do not retry together.</summary>
public static class Backoff
{
    /// <summary>base · 2^(attempts−1), at most <paramref name="max"/>, then between 50 % and 100 % of that at random.</summary>
    public static TimeSpan For(int attempts, TimeSpan @base, TimeSpan max)
    {
        var exponential = @base.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        var capped = Math.Min(exponential, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
    }
}
