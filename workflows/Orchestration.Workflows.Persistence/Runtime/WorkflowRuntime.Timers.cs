using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestration.Workflows.Persistence.Entities;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// The timer sweep: every due timer row is claimed (its due time moved on by a lease, only if no other node moved it
/// first) and resumed on its own; a failure moves it on by a back-off, and after too many it is dead. So one bad row
/// delays no other, and two nodes sweeping do not take the same row.
/// </summary>
public sealed partial class WorkflowRuntime
{
    private const int TimerBatchSize = 100;

    /// <summary>Resumes every timer bookmark whose due time has passed on the injected clock; returns how many ran.</summary>
    public async Task<int> ResumeDueTimersAsync(CancellationToken cancellationToken)
    {
        var resumed = 0;
        var tried = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var now = time.GetUtcNow();
            var due = await db.Bookmarks.AsNoTracking().Where(b => !b.IsDead && b.ResumeAt != null && b.ResumeAt <= now)
                .OrderBy(b => b.ResumeAt).Take(TimerBatchSize)
                .Select(b => new { b.Id, b.ResumeAt, b.TimerAttempts }).ToListAsync(cancellationToken);
            var fresh = due.Where(d => tried.Add(d.Id)).ToList();
            if (fresh.Count == 0)
            {
                return resumed;
            }

            foreach (var row in fresh)
            {
                if (await ResumeTimerAsync(row.Id, row.ResumeAt!.Value, row.TimerAttempts, cancellationToken))
                {
                    resumed++;
                }
            }
        }
    }

    /// <summary>Dead timers and follow-ups, for an operator.</summary>
    public async Task<(List<BookmarkRecord> Timers, List<FollowUpRecord> FollowUps)> DeadAsync(CancellationToken cancellationToken) =>
        (await db.Bookmarks.AsNoTracking().Where(b => b.IsDead).OrderBy(b => b.ResumeAt).Take(500).ToListAsync(cancellationToken),
         await db.FollowUps.AsNoTracking().Where(f => f.IsDead).OrderBy(f => f.CreatedAt).Take(500).ToListAsync(cancellationToken));

    private async Task<bool> ResumeTimerAsync(string bookmarkId, DateTimeOffset seen, int attempts, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var leaseEnd = time.GetUtcNow() + options.Value.TimerLease;
        var claimed = await db.Bookmarks.Where(b => b.Id == bookmarkId && b.ResumeAt == seen)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.ResumeAt, leaseEnd), cancellationToken);
        if (claimed != 1)
        {
            return false; // Another node claimed it, or a burst of its instance replaced it.
        }

        try
        {
            if (await ResumeAsync(bookmarkId, null, cancellationToken) is not null)
            {
                return true;
            }

            // The instance is gone, finished, or went on without this bookmark: the row is stale.
            await db.Bookmarks.Where(b => b.Id == bookmarkId).ExecuteDeleteAsync(cancellationToken);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            var failed = attempts + 1;
            var dead = failed >= options.Value.TimerMaxAttempts;
            var next = time.GetUtcNow() + Backoff.For(failed, options.Value.TimerRetryBase, options.Value.TimerRetryMax);
            var error = $"{ex.GetType().Name}: {ex.Message}";
            error = error.Length > 2000 ? error[..2000] : error;
            await db.Bookmarks.Where(b => b.Id == bookmarkId).ExecuteUpdateAsync(set => set
                .SetProperty(b => b.TimerAttempts, failed)
                .SetProperty(b => b.IsDead, dead)
                .SetProperty(b => b.ResumeAt, next)
                .SetProperty(b => b.LastError, error), cancellationToken);
            LogTimerFailed(bookmarkId, failed, dead, ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer bookmark {BookmarkId} failed to resume, attempt {Attempts}; dead: {Dead}")]
    private partial void LogTimerFailed(string bookmarkId, int attempts, bool dead, Exception exception);
}
