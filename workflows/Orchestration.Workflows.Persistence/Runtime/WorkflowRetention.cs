using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Workflows.Persistence.Entities;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// Deletes what <see cref="WorkflowRetentionOptions"/> no longer keeps, in batches of short statements (a pass never
/// holds a long transaction or lock). Run by the recurring <see cref="WorkflowRetentionJob"/>; safe on several nodes
/// at once, as every delete is by condition.
/// </summary>
public sealed partial class WorkflowRetention(WorkflowsDbContext db, TimeProvider time, IOptions<WorkflowRuntimeOptions> options,
    ILogger<WorkflowRetention> logger)
{
    public async Task<RetentionReport> RunAsync(CancellationToken cancellationToken)
    {
        var retention = options.Value.Retention;
        var now = time.GetUtcNow();
        var instances = await DeleteInstancesAsync(nameof(WorkflowSubStatus.Finished), now - retention.FinishedInstances, cancellationToken)
            + await DeleteInstancesAsync(nameof(WorkflowSubStatus.Faulted), now - retention.FaultedInstances, cancellationToken)
            + await DeleteInstancesAsync(nameof(WorkflowSubStatus.Cancelled), now - retention.CancelledInstances, cancellationToken);
        var journal = now - retention.RunningInstanceJournal is { } journalCutoff
            ? await InBatchesAsync(() => db.Journal.Where(j => j.Timestamp < journalCutoff).OrderBy(j => j.Timestamp), cancellationToken)
            : 0;
        var inbox = now - retention.Inbox is { } inboxCutoff
            ? await InBatchesAsync(() => db.Set<InboxMessage>().Where(m => m.ReceivedAt < inboxCutoff).OrderBy(m => m.ReceivedAt), cancellationToken)
            : 0;
        var outbox = now - retention.DispatchedOutbox is { } outboxCutoff
            ? await InBatchesAsync(() => db.Set<OutboxMessage>().Where(m => m.DispatchedAt != null && m.DispatchedAt < outboxCutoff).OrderBy(m => m.DispatchedAt),
                cancellationToken)
            : 0;
        var dead = now - retention.DeadFollowUps is { } deadCutoff
            ? await InBatchesAsync(() => db.FollowUps.Where(f => f.IsDead && f.CreatedAt < deadCutoff).OrderBy(f => f.CreatedAt), cancellationToken)
            : 0;
        var report = new RetentionReport(instances, journal, inbox, outbox, dead);
        if (report.Total > 0)
        {
            LogDeleted(instances, journal, inbox, outbox, dead);
        }

        return report;
    }

    /// <summary>Finished instances of one kind older than the cutoff, each batch with its journal, executions and bookmarks in one transaction.</summary>
    private async Task<int> DeleteInstancesAsync(string subStatus, DateTimeOffset? cutoff, CancellationToken cancellationToken)
    {
        if (cutoff is not { } before)
        {
            return 0;
        }

        var finished = nameof(WorkflowStatus.Finished);
        var deleted = 0;
        while (true)
        {
            var ids = await db.WorkflowInstances.AsNoTracking()
                .Where(i => i.Status == finished && i.SubStatus == subStatus && i.FinishedAt != null && i.FinishedAt < before)
                .OrderBy(i => i.FinishedAt).Select(i => i.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return deleted;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Journal.Where(j => ids.Contains(j.WorkflowInstanceId)).ExecuteDeleteAsync(cancellationToken);
            await db.ActivityExecutions.Where(a => ids.Contains(a.WorkflowInstanceId)).ExecuteDeleteAsync(cancellationToken);
            await db.Bookmarks.Where(b => ids.Contains(b.WorkflowInstanceId)).ExecuteDeleteAsync(cancellationToken);
            // Still finished: a retry may have brought one back to life since it was read.
            deleted += await db.WorkflowInstances.Where(i => ids.Contains(i.Id) && i.Status == finished).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task<int> InBatchesAsync<T>(Func<IQueryable<T>> rows, CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (true)
        {
            var batch = await rows().Take(BatchSize).ExecuteDeleteAsync(cancellationToken);
            deleted += batch;
            if (batch < BatchSize)
            {
                return deleted;
            }
        }
    }

    private int BatchSize => Math.Max(1, options.Value.Retention.BatchSize);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Retention deleted {Instances} instance(s), {Journal} journal line(s), {Inbox} inbox row(s), {Outbox} outbox row(s), {Dead} dead follow-up(s)")]
    private partial void LogDeleted(int instances, int journal, int inbox, int outbox, int dead);
}

/// <summary>What one retention pass deleted.</summary>
public sealed record RetentionReport(int Instances, int JournalLines, int InboxRows, int OutboxRows, int DeadFollowUps)
{
    public int Total => Instances + JournalLines + InboxRows + OutboxRows + DeadFollowUps;
}
