using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// The recurring Hangfire job that runs <see cref="WorkflowRetention"/>, on the <see cref="Queue"/> only workflow nodes
/// listen on (a services host sharing the Hangfire storage has no workflows tables).
/// </summary>
public sealed class WorkflowRetentionJob(WorkflowRetention retention)
{
    public const string RecurringJobId = "workflows-retention";

    public const string Queue = "workflows";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task RunAsync(CancellationToken cancellationToken) => retention.RunAsync(cancellationToken);

    /// <summary>Registers (or updates) the recurring job at every start, after migrations so Hangfire's schema exists.</summary>
    internal sealed class Registration : IDatabaseStartupTask
    {
        public Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            if (services.GetService<IRecurringJobManager>() is { } jobs)
            {
                jobs.AddOrUpdate<WorkflowRetentionJob>(RecurringJobId, Queue, job => job.RunAsync(CancellationToken.None),
                    services.GetRequiredService<IOptions<WorkflowRuntimeOptions>>().Value.Retention.Cron);
            }

            return Task.CompletedTask;
        }
    }
}
