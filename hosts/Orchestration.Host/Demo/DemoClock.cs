namespace Orchestration.Host.Demo;

/// <summary>
/// The demo host's clock: it starts months in the past and the demo moves it forward, day by day, up to the real
/// present, never back (leases and timers taken on it stay valid). Once it has caught up it is the system clock, so
/// what the demo leaves behind is consistent with a host started normally afterwards, and sign-in tokens work.
/// </summary>
internal sealed class DemoClock : TimeProvider
{
    private long _behindTicks;

    public DemoClock(DateTimeOffset startsAt)
    {
        _behindTicks = Math.Max(0, (System.GetUtcNow() - startsAt).Ticks);
    }

    public TimeSpan Behind => TimeSpan.FromTicks(Interlocked.Read(ref _behindTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() - Behind;

    /// <summary>Moves "now" forward to <paramref name="at"/>, at most to the present; an earlier time is ignored.</summary>
    public void AdvanceTo(DateTimeOffset at)
    {
        var behind = Math.Max(0, (System.GetUtcNow() - at).Ticks);
        long current;
        do
        {
            current = Interlocked.Read(ref _behindTicks);
            if (behind >= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _behindTicks, behind, current) != current);
    }

    public void CatchUp() => Interlocked.Exchange(ref _behindTicks, 0);
}
