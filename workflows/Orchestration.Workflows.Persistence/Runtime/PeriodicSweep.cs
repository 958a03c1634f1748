using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// The loop every runtime sweep shares: one pass now, then one per interval on the injected clock (so tests move
/// time instead of waiting); a failed pass is logged and the next tick tries again. Each pass handles its rows one
/// by one and claims each first, so every node may run every sweep.
/// </summary>
public abstract partial class PeriodicSweep(TimeProvider time, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>For the derived sweep's own log lines (its primary-constructor logger goes to this base).</summary>
    protected ILogger Logger { get; } = logger;

    /// <summary>One pass; returns how many rows it handled.</summary>
    public abstract Task<int> RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(Logger, GetType().Name, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A pass of {Sweep} failed; it tries again at the next tick")]
    private static partial void LogPassFailed(ILogger logger, string sweep, Exception exception);
}
