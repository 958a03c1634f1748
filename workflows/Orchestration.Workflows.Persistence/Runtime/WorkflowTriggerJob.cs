using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestration.Workflows.Activities.Scheduling;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Persistence.Entities;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// Starts the workflows whose Timer, StartAt or Cron trigger is due on the injected clock. Each occurrence starts
/// one instance across all nodes and restarts: its row (trigger + occurrence) is unique and commits with the
/// instance, so a node that loses the race rolls its start back. Missed occurrences (the host was down) fire once.
/// </summary>
public sealed partial class WorkflowTriggerJob(WorkflowsDbContext db, WorkflowRuntime runtime, TimeProvider time, ILogger<WorkflowTriggerJob> logger)
{
    private const int BatchSize = 100;

    /// <summary>Fires what is due now; returns how many instances this node started.</summary>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await db.Triggers.AsNoTracking()
            .Where(t => t.NextOccurrenceAt != null && t.NextOccurrenceAt <= now)
            .OrderBy(t => t.NextOccurrenceAt).Take(BatchSize).ToListAsync(cancellationToken);
        var started = 0;
        foreach (var trigger in due)
        {
            try
            {
                started += await FireAsync(trigger, now, cancellationToken) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One broken trigger (its definition deleted under it, a faulting start) must not hold up the others.
                db.ChangeTracker.Clear();
                LogFailed(ex, trigger.Id);
            }
        }

        return started;
    }

    private async Task<bool> FireAsync(WorkflowTriggerRecord trigger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var occurrence = trigger.NextOccurrenceAt!.Value;
        var key = $"{trigger.Id}@{occurrence.UtcTicks}";
        var started = false;
        if (!await db.TriggerOccurrences.AnyAsync(o => o.Key == key, cancellationToken))
        {
            var instanceId = Guid.NewGuid().ToString("N")[..16];
            // Tracked now, committed with the new instance's first burst.
            db.TriggerOccurrences.Add(new TriggerOccurrenceRecord { Key = key, WorkflowInstanceId = instanceId, FiredAt = now });
            try
            {
                await runtime.StartAsync(trigger.DefinitionId, VersionOptions.Published,
                    new StartWorkflowOptions { InstanceId = instanceId, TriggerActivityId = trigger.ActivityId }, cancellationToken);
                started = true;
                LogFired(trigger.Id, occurrence, instanceId);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (!await db.TriggerOccurrences.AnyAsync(o => o.Key == key, cancellationToken))
                {
                    throw;
                }
            }

            db.ChangeTracker.Clear();
        }

        var next = TriggerSchedules.NextOccurrence(trigger.Name, trigger.Value, now, trigger.PublishedAt);
        await db.Triggers.Where(t => t.Id == trigger.Id && t.NextOccurrenceAt == occurrence)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.NextOccurrenceAt, next), cancellationToken);
        return started;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trigger {TriggerId} fired for {Occurrence}: instance {InstanceId}")]
    private partial void LogFired(string triggerId, DateTimeOffset occurrence, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trigger {TriggerId} could not start its workflow; it is tried again at the next tick")]
    private partial void LogFailed(Exception exception, string triggerId);
}
