using Microsoft.EntityFrameworkCore;
using Orchestration.Workflows.Persistence.Entities;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// The stuck-instance detector: an instance that has not finished must have something that will move it on — a
/// live (not dead) bookmark, or a follow-up row that is still tried (a continuation, a dispatch it waits for). One
/// with neither waits forever; an operator must look at it. A kept stimulus of its case does not count: a stimulus
/// only ever resumes a bookmark, which such an instance no longer has.
/// </summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>Instances that wait (Suspended) or stopped at a burst limit (Executing) with nothing left to move them on, oldest first.</summary>
    public Task<List<WorkflowInstanceRecord>> StuckInstancesAsync(int limit, CancellationToken cancellationToken) =>
        StuckQuery().OrderBy(i => i.UpdatedAt).Take(limit).ToListAsync(cancellationToken);

    public Task<int> CountStuckInstancesAsync(CancellationToken cancellationToken) => StuckQuery().CountAsync(cancellationToken);

    private IQueryable<WorkflowInstanceRecord> StuckQuery()
    {
        var running = nameof(WorkflowStatus.Running);
        var waiting = new[] { nameof(WorkflowSubStatus.Suspended), nameof(WorkflowSubStatus.Executing) };
        return db.WorkflowInstances.AsNoTracking()
            .Where(i => i.Status == running && waiting.Contains(i.SubStatus)
                && !db.Bookmarks.Any(b => b.WorkflowInstanceId == i.Id && !b.IsDead)
                && !db.FollowUps.Any(f => f.SourceInstanceId == i.Id && !f.IsDead));
    }
}
