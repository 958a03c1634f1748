using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// The stimulus store's safety net on every engine node: delivers kept stimuli that a bookmark committed at the same
/// moment did not see, and purges expired ones. Each stimulus is tried on its own, so one failure delays no other.
/// </summary>
public sealed partial class PendingStimulusProcessor(IServiceScopeFactory scopes, TimeProvider time, IOptions<WorkflowRuntimeOptions> options,
    ILogger<PendingStimulusProcessor> logger) : PeriodicSweep(time, logger)
{
    private const int BatchSize = 100;

    protected override TimeSpan Interval => options.Value.PendingStimulusInterval;

    /// <summary>One pass: purge, then deliver what a bookmark now matches; returns how many were delivered.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        List<Guid> deliverable;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            await runtime.PurgeExpiredStimuliAsync(cancellationToken);
            deliverable = await runtime.DeliverableStimuliAsync(BatchSize, cancellationToken);
        }

        var delivered = 0;
        foreach (var stimulusId in deliverable)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().DeliverPendingStimulusAsync(stimulusId, cancellationToken) is not null)
                {
                    delivered++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDeliveryFailed(Logger, stimulusId, ex);
            }
        }

        return delivered;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering kept stimulus {StimulusId} failed; it is tried again at the next pass")]
    private static partial void LogDeliveryFailed(ILogger logger, Guid stimulusId, Exception exception);
}
