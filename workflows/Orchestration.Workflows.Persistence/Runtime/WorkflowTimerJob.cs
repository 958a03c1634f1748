using Microsoft.EntityFrameworkCore;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// The Hangfire job that wakes one timer bookmark at its due time. The bookmark row is the truth: a job for a
/// bookmark already resumed (by the sweep, another node or an earlier run of this job) does nothing.
/// </summary>
public sealed class WorkflowTimerJob(WorkflowsDbContext db, WorkflowRuntime runtime, TimeProvider time)
{
    public async Task ResumeWhenDueAsync(string bookmarkId, CancellationToken cancellationToken)
    {
        var bookmark = await db.Bookmarks.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookmarkId, cancellationToken);
        if (bookmark?.ResumeAt is { } due && due <= time.GetUtcNow())
        {
            await runtime.ResumeAsync(bookmarkId, null, cancellationToken);
        }
    }
}
