namespace Orchestration.Testing.Hosting;

/// <summary>
/// The system clock moved on by whatever the test adds: "now" jumps months ahead at once, while timers (background
/// loops such as the outbox dispatcher and the timer sweep) keep ticking in real time, so a host keeps working.
/// </summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private long _shiftTicks;

    public TimeSpan Shift => TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);
}
