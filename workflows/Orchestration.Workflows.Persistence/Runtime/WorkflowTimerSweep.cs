using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// Resumes due timers (Delay, Timer, StartAt) on every engine node. Due times live in the bookmark table and the
/// clock is the injected TimeProvider, so a restart loses nothing and tests move time instead of waiting.
/// </summary>
public sealed partial class WorkflowTimerSweep(IServiceScopeFactory scopes, TimeProvider time, ILogger<WorkflowTimerSweep> logger)
    : PeriodicSweep(time, logger)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    protected override TimeSpan Interval => DefaultInterval;

    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var resumed = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().ResumeDueTimersAsync(cancellationToken);
        if (resumed > 0)
        {
            LogResumed(Logger, resumed);
        }

        return resumed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed {Count} due workflow timer(s)")]
    private static partial void LogResumed(ILogger logger, int count);
}
