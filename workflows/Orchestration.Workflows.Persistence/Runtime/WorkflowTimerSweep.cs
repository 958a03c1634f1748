using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// Resumes due timers (Delay, Timer, StartAt) on every engine node. Due times live in the bookmark table and the
/// clock is the injected TimeProvider, so a restart loses nothing and tests move time instead of waiting.
/// </summary>
public sealed partial class WorkflowTimerSweep(IServiceScopeFactory scopes, TimeProvider time, ILogger<WorkflowTimerSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var resumed = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().ResumeDueTimersAsync(stoppingToken);
                if (resumed > 0)
                {
                    LogResumed(resumed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed {Count} due workflow timer(s)")]
    private partial void LogResumed(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The workflow timer sweep failed; it tries again at the next tick")]
    private partial void LogFailed(Exception exception);
}
