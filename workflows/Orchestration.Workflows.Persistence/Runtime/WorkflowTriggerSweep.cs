using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// Fires due Timer, StartAt and Cron triggers on every node. Schedules live in the trigger table (kept in step with
/// publish, retract and delete) and the clock is the injected TimeProvider, so restarts lose nothing and tests
/// move time instead of waiting; the occurrence rows make sure only one node starts each occurrence.
/// </summary>
public sealed class WorkflowTriggerSweep(IServiceScopeFactory scopes, TimeProvider time, ILogger<WorkflowTriggerSweep> logger)
    : PeriodicSweep(time, logger)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    protected override TimeSpan Interval => DefaultInterval;

    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowTriggerJob>().FireDueAsync(cancellationToken);
    }
}
