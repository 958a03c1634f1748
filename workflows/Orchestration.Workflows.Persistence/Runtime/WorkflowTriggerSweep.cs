using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// Fires due Timer, StartAt and Cron triggers on every node. Schedules live in the trigger table (kept in step with
/// publish, retract and delete) and the clock is the injected TimeProvider, so restarts lose nothing and tests
/// move time instead of waiting; the occurrence rows make sure only one node starts each occurrence.
/// </summary>
public sealed partial class WorkflowTriggerSweep(IServiceScopeFactory scopes, TimeProvider time, ILogger<WorkflowTriggerSweep> logger) : BackgroundService
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
                await scope.ServiceProvider.GetRequiredService<WorkflowTriggerJob>().FireDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The workflow trigger sweep failed; it tries again at the next tick")]
    private partial void LogFailed(Exception exception);
}
