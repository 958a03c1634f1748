using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestration.FollowUps.Options;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.FollowUps.Claiming;

/// <summary>Registers the claimer's recurring job at every start (after migrations, so Hangfire's schema exists); every node may run it.</summary>
internal sealed class RecurringClaimRegistration : IDatabaseStartupTask
{
    public Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<FollowUpsOptions>>().Value;
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<ClaimDueFollowUpsJob>(
            ClaimDueFollowUpsJob.RecurringJobId, ClaimDueFollowUpsJob.Queue, job => job.RunAsync(CancellationToken.None), options.ClaimCron);
        return Task.CompletedTask;
    }
}
