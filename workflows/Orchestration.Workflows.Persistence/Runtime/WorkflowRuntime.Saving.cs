using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Workflows.Activities.Scheduling;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Persistence.Appending;
using Orchestration.Workflows.Persistence.Definitions;
using Orchestration.Workflows.Persistence.Entities;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>Writing a burst: instance, bookmarks, journal, activity executions, outbox and follow-ups in one transaction.</summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// One transaction per burst, with the instances it ran inline and the pending stimuli it consumed; the
    /// concurrency token refuses a save over another node's newer state. False (nothing saved) when another burst
    /// consumed one of those stimuli first.
    /// </summary>
    private async Task<bool> SaveAsync(RunResult result, WorkflowInstanceRecord? existing, IReadOnlyList<PendingStimulusRecord> claimed,
        CancellationToken cancellationToken)
    {
        var all = Flatten(result).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await RemoveConsumedStimuliAsync(result.State.Id, claimed, cancellationToken))
        {
            // The tracker is kept as it is: the retry saves through the same tracked instance (cleared, it was no
            // longer saved at all, while the retry's bookmarks, journal and executions were: the next burst then
            // repeated journal sequences forever) and the same inbox row of the caller's message (cleared, a
            // redelivery would resume the instance again).
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        var followUps = new List<Guid>();
        var appended = new AppendedRows();
        foreach (var burst in all)
        {
            await StageAsync(burst, burst == result ? existing : null, appended, cancellationToken);
            foreach (var outgoing in burst.Messages)
            {
                db.Stage(outgoing.Message, time.GetUtcNow());
            }

            followUps.AddRange(StageFollowUps(burst, time.GetUtcNow()));
        }

        // The tracked changes first: a concurrent writer of the instance fails on its concurrency token here, before
        // the append-only rows (whose unique journal sequence would otherwise report the conflict as a plain error).
        await db.SaveChangesAsync(cancellationToken);
        await new AppendOnlyRows(db)
            .DeleteWhere<BookmarkRecord>(nameof(BookmarkRecord.WorkflowInstanceId), appended.ReplacedBookmarksOf)
            .Insert(appended.Bookmarks)
            .Insert(appended.Journal)
            .Insert(appended.Executions)
            .WriteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // A save inside a transaction does not wake the dispatcher (OutboxSaveChangesInterceptor), the commit does:
        // otherwise every command a burst sends waits for the dispatcher's next poll (up to 2 s per hop).
        if (all.Any(burst => burst.Messages.Count > 0))
        {
            outbox.Notify();
        }

        foreach (var id in followUps)
        {
            _written.Enqueue(id);
        }

        // Only after the commit: a job must never see a bookmark that was rolled back.
        foreach (var burst in all)
        {
            foreach (var timer in burst.State.Bookmarks.Where(b => burst.State.Status != WorkflowStatus.Finished && b.ResumeAt is not null
                && burst.Executions.Any(e => e.Id == b.ActivityInstanceId)))
            {
                timers.Schedule(timer);
            }
        }

        return true;
    }

    private static IEnumerable<RunResult> Flatten(RunResult result) => new[] { result }.Concat(result.Children.SelectMany(Flatten));

    /// <summary>
    /// Tracks the instance and the executions it changed; collects its bookmarks (replacing the stored ones), journal
    /// lines and new executions in <paramref name="appended"/>, which are written beside the tracker (never updated in
    /// the same burst). A new instance (<paramref name="existing"/> null) has no stored bookmarks or executions yet.
    /// </summary>
    private async Task StageAsync(RunResult result, WorkflowInstanceRecord? existing, AppendedRows appended, CancellationToken cancellationToken)
    {
        var state = result.State;
        var instance = existing ?? new WorkflowInstanceRecord
        {
            Id = state.Id,
            DefinitionId = state.DefinitionId,
            DefinitionVersionId = state.DefinitionVersionId,
            Version = state.DefinitionVersion,
            Status = "",
            SubStatus = "",
            State = "",
            CreatedAt = state.CreatedAt,
        };
        instance.Status = state.Status.ToString();
        instance.SubStatus = state.SubStatus.ToString();
        instance.CorrelationId = state.CorrelationId;
        instance.ParentInstanceId = state.ParentInstanceId;
        instance.Name = state.Name;
        instance.District = state.District;
        instance.IncidentCount = state.Incidents.Count;
        instance.UpdatedAt = state.UpdatedAt;
        instance.FinishedAt = state.FinishedAt;
        instance.State = WorkflowStateSerializer.Serialize(state);
        instance.ConcurrencyToken = Guid.NewGuid();
        if (existing is null)
        {
            db.WorkflowInstances.Add(instance);
        }

        if (existing is not null)
        {
            appended.ReplacedBookmarksOf.Add(state.Id);
        }

        // A finished (also faulted or cancelled) instance waits for nothing: none of its bookmarks is kept as a row.
        appended.Bookmarks.AddRange(state.Bookmarks.Where(_ => state.Status != WorkflowStatus.Finished).Select(b => new BookmarkRecord
        {
            Id = b.Id,
            WorkflowInstanceId = state.Id,
            Name = b.Name,
            Hash = b.Hash,
            CorrelationId = state.CorrelationId,
            ActivityInstanceId = b.ActivityInstanceId,
            CreatedAt = b.CreatedAt,
            // In UTC: a StartAt of a local date (e.g. "2026-12-20T00:00:00+01:00") has an offset, which Npgsql refuses for a
            // timestamptz; the fault suite found every Resurs overlap timer failing on PostgreSQL.
            ResumeAt = b.ResumeAt?.ToUniversalTime(),
        }));
        appended.Journal.AddRange(result.Journal.Select(JournalRecord.From));
        await UpsertExecutionsAsync(result, existing is null, appended, cancellationToken);
    }

    /// <summary>Executions stored by an earlier burst are updated through the tracker; new ones are appended.</summary>
    private async Task UpsertExecutionsAsync(RunResult result, bool newInstance, AppendedRows appended, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, ActivityExecutionRecord>();
        if (!newInstance)
        {
            var ids = result.Executions.Select(e => e.Id).ToList();
            stored = await db.ActivityExecutions.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        }

        foreach (var execution in result.Executions.Where(e => e.StartedAt is not null || stored.ContainsKey(e.Id)))
        {
            var data = appended.Data.Write(execution);
            var hasBookmarks = result.State.Bookmarks.Any(b => b.ActivityInstanceId == execution.Id);
            if (stored.TryGetValue(execution.Id, out var record))
            {
                record.Status = execution.Status.ToString();
                record.CompletedAt = execution.CompletedAt;
                record.HasBookmarks = hasBookmarks;
                record.AggregateFaultCount = execution.AggregateFaultCount;
                record.Data = data;
                continue;
            }

            appended.Executions.Add(new ActivityExecutionRecord
            {
                Id = execution.Id,
                WorkflowInstanceId = result.State.Id,
                ActivityId = execution.ActivityId,
                ActivityNodeId = execution.NodeId,
                ActivityType = execution.ActivityType,
                ActivityTypeVersion = execution.ActivityTypeVersion,
                ActivityName = execution.ActivityName,
                Status = execution.Status.ToString(),
                StartedAt = execution.StartedAt ?? time.GetUtcNow(),
                CompletedAt = execution.CompletedAt,
                HasBookmarks = hasBookmarks,
                AggregateFaultCount = execution.AggregateFaultCount,
                SchedulingActivityExecutionId = execution.SchedulingExecutionId,
                Data = data,
            });
        }
    }
}
