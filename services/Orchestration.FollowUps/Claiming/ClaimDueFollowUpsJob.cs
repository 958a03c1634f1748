namespace Orchestration.FollowUps.Claiming;

/// <summary>The recurring Hangfire job: it only wakes the claimer; the rows hold the deadlines (Hangfire runs it at least once).</summary>
public sealed class ClaimDueFollowUpsJob(DeadlineClaimer claimer)
{
    public const string RecurringJobId = "followups-claim-due";

    /// <summary>
    /// Only hosts running the follow-ups module listen on this queue: a workflow node sharing the Hangfire storage
    /// (production topology) must not fetch a job it has no claimer for.
    /// </summary>
    public const string Queue = "followups";

    public Task RunAsync(CancellationToken cancellationToken) => claimer.ClaimDueAsync(cancellationToken);
}
