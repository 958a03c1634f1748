using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Persistence.Entities;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// Durable follow-ups: what a burst sets off is written as rows in its transaction (<see cref="StageFollowUps"/>)
/// and carried out after the commit, right away by the node that wrote them and otherwise by
/// <see cref="FollowUpProcessor"/> once their lease has passed. Carrying one out twice is harmless: events and
/// parent resumptions go through the inbox under the row's id, a dispatch starts its fixed instance id once.
/// </summary>
public sealed partial class WorkflowRuntime
{
    private const int MaxEventDepth = 16;

    /// <summary>Rows this scope wrote and still owns (their lease has not passed), in the order written.</summary>
    private readonly Queue<Guid> _written = new();

    /// <summary>The depth of the follow-up being carried out; rows written meanwhile are one deeper.</summary>
    private int _depth;

    /// <summary>Carries out the follow-ups this scope wrote, and those they lead to; a failure is left to the processor.</summary>
    private async Task RunWrittenFollowUpsAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.RunFollowUpsBeforeAnswering)
        {
            _written.Clear();
        }

        var started = time.GetTimestamp();
        while (_written.TryDequeue(out var id))
        {
            if (time.GetElapsedTime(started) >= options.Value.MaxFollowUpTimeBeforeAnswering)
            {
                // Answer now; the rows written stay leased to this node and the processor carries them out after the lease.
                logger.LogInformation("Answering before {Count} follow-ups are carried out; the follow-up processor takes them", _written.Count + 1);
                _written.Clear();
                break;
            }

            db.ChangeTracker.Clear();
            if (await db.FollowUps.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken) is { IsDead: false } row)
            {
                await CarryOutOrRecordFailureAsync(row, cancellationToken);
            }
        }

        _depth = 0;
    }

    /// <summary>
    /// The processor's entry: claims the row (moves its lease, unless another node did since it was read), carries
    /// it out and what it leads to. False when another node holds it.
    /// </summary>
    public async Task<bool> ClaimAndCarryOutAsync(Guid id, DateTimeOffset seenNextAttemptAt, CancellationToken cancellationToken)
    {
        var leaseEnd = time.GetUtcNow() + options.Value.FollowUpLease;
        var claimed = await db.FollowUps.Where(f => f.Id == id && !f.IsDead && f.NextAttemptAt == seenNextAttemptAt)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.NextAttemptAt, leaseEnd), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }

        var row = await db.FollowUps.AsNoTracking().FirstAsync(f => f.Id == id, cancellationToken);
        await CarryOutOrRecordFailureAsync(row, cancellationToken);
        await RunWrittenFollowUpsAsync(cancellationToken);
        return true;
    }

    /// <summary>Due follow-ups (lease passed, not dead), oldest first, with the lease each was read with.</summary>
    public Task<List<(Guid Id, DateTimeOffset NextAttemptAt)>> DueFollowUpsAsync(int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.FollowUps.AsNoTracking().Where(f => !f.IsDead && f.NextAttemptAt <= now).OrderBy(f => f.NextAttemptAt).Take(limit)
            .Select(f => new ValueTuple<Guid, DateTimeOffset>(f.Id, f.NextAttemptAt)).ToListAsync(cancellationToken);
    }

    private async Task CarryOutOrRecordFailureAsync(FollowUpRecord row, CancellationToken cancellationToken)
    {
        try
        {
            _depth = row.Depth;
            await CarryOutAsync(row, cancellationToken);
            db.ChangeTracker.Clear();
            await db.FollowUps.Where(f => f.Id == row.Id).ExecuteDeleteAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            var attempts = row.Attempts + 1;
            var dead = attempts >= options.Value.FollowUpMaxAttempts;
            var next = time.GetUtcNow() + Backoff.For(attempts, options.Value.FollowUpRetryBase, options.Value.FollowUpRetryMax);
            var error = $"{ex.GetType().Name}: {ex.Message}";
            error = error.Length > 2000 ? error[..2000] : error;
            await db.FollowUps.Where(f => f.Id == row.Id).ExecuteUpdateAsync(set => set
                .SetProperty(f => f.Attempts, attempts)
                .SetProperty(f => f.IsDead, dead)
                .SetProperty(f => f.NextAttemptAt, next)
                .SetProperty(f => f.LastError, error), cancellationToken);
            LogFollowUpFailed(row.Id, row.Kind, row.SourceInstanceId, attempts, dead, ex);
        }
    }

    private async Task CarryOutAsync(FollowUpRecord row, CancellationToken cancellationToken)
    {
        var payload = JsonNode.Parse(row.Payload)!.AsObject();
        switch (row.Kind)
        {
            case FollowUpKinds.PublishEvent:
                var published = payload["payload"];
                await TriggerEventAsync(payload["eventName"]!.ToString(), payload["correlationId"]?.ToString(), payload["workflowInstanceId"]?.ToString(),
                    published as JsonObject ?? new JsonObject { ["value"] = published?.DeepClone() }, cancellationToken, messageId: row.Id);
                break;
            case FollowUpKinds.Dispatch:
                await DispatchAsync(payload, cancellationToken);
                break;
            case FollowUpKinds.ResumeParent:
                await ResumeParentAsync(row.Id, payload, cancellationToken);
                break;
            case FollowUpKinds.CancelChildren:
                await CancelChildrenAsync(payload["parentInstanceId"]!.ToString(), cancellationToken);
                break;
            case FollowUpKinds.Continue:
                await ContinueAsync(payload["instanceId"]!.ToString(), cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Unknown follow-up kind '{row.Kind}'.");
        }
    }

    private async Task DispatchAsync(JsonObject payload, CancellationToken cancellationToken)
    {
        var instanceId = payload["instanceId"]!.ToString();
        if (await db.WorkflowInstances.AnyAsync(i => i.Id == instanceId, cancellationToken))
        {
            return; // Started by an earlier attempt that failed after its commit.
        }

        var definitionId = payload["definitionId"]!.ToString();
        var definition = await definitions.FindRunnableAsync(definitionId, VersionOptions.Published, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Dispatched workflow '{definitionId}' has no published version.");
        await StartVersionAsync(definition, new StartWorkflowOptions
        {
            InstanceId = instanceId,
            ParentInstanceId = payload["parentInstanceId"]?.ToString(),
            CorrelationId = payload["correlationId"]?.ToString(),
            District = payload["district"]?.ToString(),
            Input = payload["input"]?.DeepClone() as JsonObject ?? [],
        }, cancellationToken);
    }

    /// <summary>A parent waiting on this child (ExecuteWorkflow / DispatchWorkflow) resumes with the child's output.</summary>
    private async Task ResumeParentAsync(Guid followUpId, JsonObject payload, CancellationToken cancellationToken)
    {
        var childId = payload["childInstanceId"]!.ToString();
        var parentId = payload["parentInstanceId"]!.ToString();
        var hash = BookmarkHasher.Hash(Activities.Composition.ChildWorkflowActivity.BookmarkName, ChildWorkflows.ParentBookmarkPayload(childId));
        var waiting = await db.Bookmarks.AsNoTracking().Where(b => b.Hash == hash && b.WorkflowInstanceId == parentId)
            .Select(b => b.Id).ToListAsync(cancellationToken);
        if (waiting.Count > 0)
        {
            await ResumeCoreAsync(waiting, new JsonObject { ["__ChildOutput"] = payload["output"]?.DeepClone() }, cancellationToken, messageId: followUpId,
                instanceId: parentId);
        }
    }

    /// <summary>
    /// Runs what a burst left at its limits, in a burst of its own: the lock was released in between, so a cancel or a
    /// resume could come first; nothing to do when one of them already took the work.
    /// </summary>
    private async Task ContinueAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var held = await locks.AcquireAsync(instanceId, cancellationToken);
        db.ChangeTracker.Clear();
        var instance = await db.WorkflowInstances.FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (instance is null || WorkflowStateSerializer.Deserialize(instance.State) is not { Status: WorkflowStatus.Running, PendingWork.Count: > 0 })
        {
            return;
        }

        var definition = await LoadVersionAsync(instance.DefinitionVersionId, cancellationToken);
        var result = await RunAndSaveAsync(definition, () => runner.ContinueAsync(definition, WorkflowStateSerializer.Deserialize(instance.State), cancellationToken),
            instance, stimulus: null, cancellationToken);
        if (result is not null)
        {
            LogBurst(instanceId, "continued", result.State.SubStatus);
        }
    }

    private async Task CancelChildrenAsync(string parentId, CancellationToken cancellationToken)
    {
        var running = nameof(WorkflowStatus.Running);
        var children = await db.WorkflowInstances.AsNoTracking().Where(i => i.ParentInstanceId == parentId && i.Status == running)
            .Select(i => i.Id).ToListAsync(cancellationToken);
        foreach (var childId in children)
        {
            try
            {
                await WithInstanceAsync(childId, (definition, state) => runner.CancelAsync(definition, state, cancellationToken), cancellationToken);
            }
            catch (WorkflowRunException)
            {
                // It finished meanwhile: nothing to cancel.
            }
        }
    }

    /// <summary>Inside the burst's transaction: one row per thing the burst set off; their ids are returned.</summary>
    private List<Guid> StageFollowUps(RunResult burst, DateTimeOffset now)
    {
        var state = burst.State;
        var rows = new List<(string Kind, JsonObject Payload)>();
        foreach (var dropped in burst.Events.Where(e => protectedEvents.Contains(e.EventName)))
        {
            // A workflow may not state what only the owning service may (issue 13: a faked route decision).
            LogProtectedEventDropped(state.Id, dropped.EventName);
        }

        rows.AddRange(burst.Events.Where(e => !protectedEvents.Contains(e.EventName)).Select(e => (FollowUpKinds.PublishEvent, new JsonObject
        {
            ["eventName"] = e.EventName,
            ["correlationId"] = e.CorrelationId,
            ["workflowInstanceId"] = e.WorkflowInstanceId,
            ["payload"] = e.Payload?.DeepClone(),
        })));
        rows.AddRange(burst.Dispatches.Select(d => (FollowUpKinds.Dispatch, new JsonObject
        {
            ["definitionId"] = d.DefinitionId,
            ["instanceId"] = d.InstanceId,
            ["parentInstanceId"] = d.ParentInstanceId,
            ["correlationId"] = d.CorrelationId,
            ["district"] = state.District,
            ["input"] = d.Input.DeepClone(),
        })));
        if (state.Status == WorkflowStatus.Finished && state.ParentInstanceId is not null)
        {
            rows.Add((FollowUpKinds.ResumeParent, new JsonObject
            {
                ["childInstanceId"] = state.Id,
                ["parentInstanceId"] = state.ParentInstanceId,
                ["output"] = state.Output.DeepClone(),
            }));
        }

        if (state.SubStatus == WorkflowSubStatus.Cancelled)
        {
            rows.Add((FollowUpKinds.CancelChildren, new JsonObject { ["parentInstanceId"] = state.Id }));
        }

        var continuation = state.Status != WorkflowStatus.Finished && state.PendingWork.Count > 0;
        if (_depth + 1 > MaxEventDepth && rows.Count > 0)
        {
            LogEventChainCut(state.Id, MaxEventDepth);
            rows.Clear();
        }

        var records = rows.Select(r => new FollowUpRecord
        {
            Id = Guid.NewGuid(),
            Kind = r.Kind,
            SourceInstanceId = state.Id,
            Payload = r.Payload.ToJsonString(),
            Depth = _depth + 1,
            CreatedAt = now,
            // The writing node carries it out right after the commit; others wait for the lease to pass.
            NextAttemptAt = now + options.Value.FollowUpLease,
        }).ToList();
        if (continuation)
        {
            // Not one deeper: a long run is one step of a chain however many bursts it takes; its own ceiling stops a runaway.
            records.Add(new FollowUpRecord
            {
                Id = Guid.NewGuid(),
                Kind = FollowUpKinds.Continue,
                SourceInstanceId = state.Id,
                Payload = new JsonObject { ["instanceId"] = state.Id }.ToJsonString(),
                Depth = _depth,
                CreatedAt = now,
                NextAttemptAt = now + options.Value.FollowUpLease,
            });
        }

        db.FollowUps.AddRange(records);
        return records.Select(r => r.Id).ToList();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-ups of instance {InstanceId} were not written: a chain of {Depth} follow-ups looks like a loop")]
    private partial void LogEventChainCut(string instanceId, int depth);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} published {EventName}, which only the owning service may state; it was not delivered")]
    private partial void LogProtectedEventDropped(string instanceId, string eventName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up {FollowUpId} ({Kind}) of instance {InstanceId} failed, attempt {Attempts}; dead: {Dead}")]
    private partial void LogFollowUpFailed(Guid followUpId, string kind, string instanceId, int attempts, bool dead, Exception exception);
}
