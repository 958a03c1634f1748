namespace Orchestration.FollowUps.Claiming;

/// <summary>The recurring Hangfire job: it only wakes the claimer; the rows hold the deadlines (Hangfire runs it at least once).</summary>
public sealed class ClaimDueFollowUpsJob(DeadlineClaimer claimer)
{
    public const string RecurringJobId = "followups-claim-due";

    public Task RunAsync(CancellationToken cancellationToken) => claimer.ClaimDueAsync(cancellationToken);
}
