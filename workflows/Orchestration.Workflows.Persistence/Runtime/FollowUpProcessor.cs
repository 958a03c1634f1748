using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// Carries out follow-ups whose lease has passed: left by a node that crashed after its commit, or failed and due
/// for a retry. Every node runs one; a row is claimed before it is carried out, so two nodes do not both take it,
/// and each row is handled on its own, so one that keeps failing delays no other.
/// </summary>
public sealed partial class FollowUpProcessor(IServiceScopeFactory scopes, TimeProvider time, IOptions<WorkflowRuntimeOptions> options,
    ILogger<FollowUpProcessor> logger) : PeriodicSweep(time, logger)
{
    private const int BatchSize = 50;

    protected override TimeSpan Interval => options.Value.FollowUpInterval;

    /// <summary>One pass over the due rows; returns how many this node claimed and carried out (or recorded as failed).</summary>
    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        List<(Guid Id, DateTimeOffset NextAttemptAt)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().DueFollowUpsAsync(BatchSize, cancellationToken);
        }

        var handled = 0;
        foreach (var (id, seen) in due)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().ClaimAndCarryOutAsync(id, seen, cancellationToken))
                {
                    handled++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogClaimFailed(Logger, id, ex);
            }
        }

        return handled;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up {FollowUpId} could not be claimed; it is tried again at the next pass")]
    private static partial void LogClaimFailed(ILogger logger, Guid followUpId, Exception exception);
}
