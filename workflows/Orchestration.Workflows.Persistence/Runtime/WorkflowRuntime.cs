using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Workflows.Activities.Scheduling;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Persistence.Definitions;
using Orchestration.Workflows.Persistence.Entities;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// The stored runtime: starts instances of published versions, resumes bookmarks by id, by event or when due, and
/// saves each burst (instance, bookmarks, journal, activity executions) in one transaction. Every resume re-reads
/// the instance under its lock and checks that the bookmark is still there, so one stimulus resumes once.
/// </summary>
public sealed partial class WorkflowRuntime(
    WorkflowsDbContext db,
    WorkflowDefinitionService definitions,
    WorkflowRunner runner,
    IWorkflowInstanceLock locks,
    ITimerScheduler timers,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<WorkflowRuntimeOptions> options,
    ILogger<WorkflowRuntime> logger)
{
    public async Task<RunResult> StartAsync(string definitionId, VersionOptions versionOptions, StartWorkflowOptions start,
        CancellationToken cancellationToken)
    {
        var record = await definitions.FindAsync(definitionId, versionOptions, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Workflow definition '{definitionId}' has no version matching {versionOptions}.");
        var result = await StartVersionAsync(record, start, cancellationToken);
        await AfterBurstAsync(result, depth: 0, cancellationToken);
        return result;
    }

    /// <summary>Resumes one bookmark; null when it no longer exists (already resumed, or the instance went on).</summary>
    public async Task<RunResult?> ResumeAsync(string bookmarkId, JsonObject? input, CancellationToken cancellationToken)
    {
        var result = await ResumeCoreAsync(bookmarkId, input, cancellationToken);
        if (result is not null)
        {
            await AfterBurstAsync(result, depth: 0, cancellationToken);
        }

        return result;
    }

    private async Task<RunResult> StartVersionAsync(WorkflowDefinitionRecord record, StartWorkflowOptions start, CancellationToken cancellationToken)
    {
        var definition = WorkflowDefinitionService.Load(record);
        await EnsureActivityTypesAsync(definition, cancellationToken);
        var result = await RunAndSaveAsync(definition, () => runner.StartAsync(definition, start, cancellationToken), existing: null,
            stimulus: null, cancellationToken) ?? throw new InvalidOperationException("A start without a stimulus of its own is always saved.");
        LogBurst(result.State.Id, "started", result.State.SubStatus);
        return result;
    }

    private async Task<RunResult?> ResumeCoreAsync(string bookmarkId, JsonObject? input, CancellationToken cancellationToken, Guid? messageId = null,
        PendingStimulusRecord? stimulus = null)
    {
        var bookmark = await db.Bookmarks.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookmarkId, cancellationToken);
        if (bookmark is null)
        {
            return null;
        }

        await using var held = await locks.AcquireAsync(bookmark.WorkflowInstanceId, cancellationToken);
        db.ChangeTracker.Clear();
        var instance = await db.WorkflowInstances.FirstOrDefaultAsync(i => i.Id == bookmark.WorkflowInstanceId, cancellationToken);
        if (instance is null)
        {
            return null;
        }

        var state = WorkflowStateSerializer.Deserialize(instance.State);
        if (state.Status == WorkflowStatus.Finished || state.Bookmarks.All(b => b.Id != bookmarkId))
        {
            return null;
        }

        // The inbox row is tracked now and committed with the burst below.
        if (messageId is not null && !await db.TryAcceptAsync(messageId, $"workflow-event:{instance.Id}", time.GetUtcNow(), cancellationToken))
        {
            return null;
        }

        var definition = await LoadVersionAsync(instance.DefinitionVersionId, cancellationToken);
        await EnsureActivityTypesAsync(definition, cancellationToken);
        var result = await RunAndSaveAsync(definition,
            () => runner.ResumeAsync(definition, WorkflowStateSerializer.Deserialize(instance.State), bookmarkId, input?.DeepClone() as JsonObject, cancellationToken),
            instance, stimulus, cancellationToken);
        if (result is null)
        {
            return null;
        }

        LogBurst(instance.Id, "resumed", result.State.SubStatus);
        return result;
    }

    /// <summary>
    /// Elsa's event stimulus: resumes every instance waiting on the event (narrowed by correlation or instance) and,
    /// unless aimed at one instance, starts the published workflows whose trigger is that event.
    /// </summary>
    public Task<IReadOnlyList<RunResult>> TriggerEventAsync(string eventName, string? correlationId, string? instanceId,
        JsonObject? payload, CancellationToken cancellationToken) =>
        TriggerEventAsync(eventName, correlationId, instanceId, payload, depth: 0, cancellationToken);

    /// <summary>
    /// The same stimulus from a message: a redelivery of <paramref name="messageId"/> resumes no instance twice and
    /// starts no workflow twice (an inbox row per instance and per started definition, saved with the burst).
    /// </summary>
    public Task<IReadOnlyList<RunResult>> TriggerEventFromMessageAsync(string eventName, string? correlationId, JsonObject? payload,
        Guid messageId, CancellationToken cancellationToken) =>
        TriggerEventAsync(eventName, correlationId, null, payload, depth: 0, cancellationToken, messageId);

    private async Task<IReadOnlyList<RunResult>> TriggerEventAsync(string eventName, string? correlationId, string? instanceId,
        JsonObject? payload, int depth, CancellationToken cancellationToken, Guid? messageId = null)
    {
        var hash = BookmarkHasher.Hash("Elsa.Event", Event.PayloadFor(eventName));
        var query = db.Bookmarks.AsNoTracking().Where(b => b.Hash == hash);
        if (correlationId is not null)
        {
            query = query.Where(b => b.CorrelationId == correlationId);
        }

        if (instanceId is not null)
        {
            query = query.Where(b => b.WorkflowInstanceId == instanceId);
        }

        var input = new JsonObject { [Event.PayloadInputKey] = payload?.DeepClone() ?? new JsonObject() };
        var results = new List<RunResult>();
        var bookmarks = await query.OrderBy(b => b.CreatedAt).ToListAsync(cancellationToken);
        foreach (var bookmark in bookmarks)
        {
            if (await ResumeCoreAsync(bookmark.Id, (JsonObject)input.DeepClone(), cancellationToken, messageId) is { } result)
            {
                results.Add(result);
            }
        }

        if (instanceId is null)
        {
            foreach (var (record, triggerId) in await EventTriggersAsync(eventName, cancellationToken))
            {
                // Tracked now, committed with the new instance's first burst.
                if (messageId is not null && !await db.TryAcceptAsync(messageId, $"workflow-start:{record.DefinitionId}", time.GetUtcNow(), cancellationToken))
                {
                    continue;
                }

                results.Add(await StartVersionAsync(record, new StartWorkflowOptions
                {
                    CorrelationId = correlationId,
                    TriggerActivityId = triggerId,
                    Input = (JsonObject)input.DeepClone(),
                }, cancellationToken));
            }
        }

        if (bookmarks.Count == 0 && results.Count == 0 && correlationId is not null && instanceId is null)
        {
            // Each event contract has its own queue: this event may have overtaken the one that brings its instance here.
            if (await KeepStimulusAsync(hash, eventName, correlationId, (JsonObject)input[Event.PayloadInputKey]!, messageId, cancellationToken) is { } delivered)
            {
                results.Add(delivered);
            }
        }

        foreach (var result in results.ToList())
        {
            await AfterBurstAsync(result, depth, cancellationToken);
        }

        return results;
    }

    /// <summary>Published versions with an Event activity marked "can start workflow" for this event name.</summary>
    private async Task<List<(WorkflowDefinitionRecord Record, string TriggerId)>> EventTriggersAsync(string eventName, CancellationToken cancellationToken)
    {
        var published = await definitions.Records.Where(d => d.IsPublished).ToListAsync(cancellationToken);
        var triggers = new List<(WorkflowDefinitionRecord, string)>();
        foreach (var record in published)
        {
            var trigger = WorkflowDefinitionService.Load(record).Nodes.FirstOrDefault(n =>
                n.Type == "Elsa.Event" && n.CanStartWorkflow && n.Property("eventName")?["expression"]?["value"]?.ToString() == eventName);
            if (trigger is not null)
            {
                triggers.Add((record, trigger.Id));
            }
        }

        return triggers;
    }

    /// <summary>
    /// What a saved burst sets off: its published events, the workflows it dispatched, and the parents of instances
    /// that finished. A chain of such follow-ups is cut off at a fixed depth.
    /// </summary>
    private async Task AfterBurstAsync(RunResult result, int depth, CancellationToken cancellationToken)
    {
        var finishedChildren = new[] { result }.Concat(result.Children)
            .Where(r => r.State.Status == WorkflowStatus.Finished && r.State.ParentInstanceId is not null).ToList();
        if (result.Events.Count == 0 && result.Dispatches.Count == 0 && finishedChildren.Count == 0)
        {
            return;
        }

        if (depth >= MaxEventDepth)
        {
            LogEventChainCut(result.State.Id, MaxEventDepth);
            return;
        }

        foreach (var published in result.Events)
        {
            await TriggerEventAsync(published.EventName, published.CorrelationId, published.WorkflowInstanceId,
                published.Payload as JsonObject ?? new JsonObject { ["value"] = published.Payload?.DeepClone() }, depth + 1, cancellationToken);
        }

        foreach (var dispatch in result.Dispatches)
        {
            var record = await definitions.FindAsync(dispatch.DefinitionId, VersionOptions.Published, cancellationToken);
            if (record is null)
            {
                continue;
            }

            var started = await StartVersionAsync(record, new StartWorkflowOptions
            {
                InstanceId = dispatch.InstanceId,
                ParentInstanceId = dispatch.ParentInstanceId,
                CorrelationId = dispatch.CorrelationId,
                Input = dispatch.Input,
            }, cancellationToken);
            await AfterBurstAsync(started, depth + 1, cancellationToken);
        }

        foreach (var child in finishedChildren)
        {
            // A parent waiting on this child (ExecuteWorkflow / DispatchWorkflow) resumes with the child's output.
            var hash = BookmarkHasher.Hash(Activities.Composition.ChildWorkflowActivity.BookmarkName, ChildWorkflows.ParentBookmarkPayload(child.State.Id));
            var waiting = await db.Bookmarks.AsNoTracking().Where(b => b.Hash == hash && b.WorkflowInstanceId == child.State.ParentInstanceId)
                .Select(b => b.Id).ToListAsync(cancellationToken);
            foreach (var bookmarkId in waiting)
            {
                var input = new JsonObject { ["__ChildOutput"] = child.State.Output.DeepClone() };
                if (await ResumeCoreAsync(bookmarkId, input, cancellationToken) is { } parent)
                {
                    await AfterBurstAsync(parent, depth + 1, cancellationToken);
                }
            }
        }
    }

    /// <summary>Resumes every timer bookmark whose due time has passed on the injected clock; returns how many ran.</summary>
    public async Task<int> ResumeDueTimersAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await db.Bookmarks.AsNoTracking().Where(b => b.ResumeAt != null && b.ResumeAt <= now)
            .OrderBy(b => b.ResumeAt).Select(b => b.Id).Take(100).ToListAsync(cancellationToken);
        var resumed = 0;
        foreach (var id in due)
        {
            if (await ResumeAsync(id, null, cancellationToken) is not null)
            {
                resumed++;
            }
        }

        return resumed;
    }

    public Task<RunResult?> CancelAsync(string instanceId, CancellationToken cancellationToken) =>
        WithInstanceAsync(instanceId, (definition, state) => runner.CancelAsync(definition, state, cancellationToken), cancellationToken);

    public Task<RunResult?> RetryAsync(string instanceId, string? incidentId, CancellationToken cancellationToken) =>
        WithInstanceAsync(instanceId, (definition, state) => runner.RetryAsync(definition, state, incidentId, cancellationToken), cancellationToken);

    private async Task<RunResult?> WithInstanceAsync(string instanceId,
        Func<Model.WorkflowDefinition, WorkflowState, Task<RunResult>> action, CancellationToken cancellationToken)
    {
        await using var held = await locks.AcquireAsync(instanceId, cancellationToken);
        db.ChangeTracker.Clear();
        var instance = await db.WorkflowInstances.FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (instance is null)
        {
            return null;
        }

        var definition = await LoadVersionAsync(instance.DefinitionVersionId, cancellationToken);
        return await RunAndSaveAsync(definition, () => action(definition, WorkflowStateSerializer.Deserialize(instance.State)), instance,
            stimulus: null, cancellationToken);
    }

    /// <summary>Workflows used as activities may have been published on another node: learn them before running.</summary>
    private async Task EnsureActivityTypesAsync(Model.WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        if (definition.Nodes.Any(n => runner.Registry.Find(n.Type, n.Version) is null))
        {
            await definitions.RegisterWorkflowActivitiesAsync(cancellationToken);
        }
    }

    private async Task<Model.WorkflowDefinition> LoadVersionAsync(string versionId, CancellationToken cancellationToken)
    {
        var record = await definitions.FindByIdAsync(versionId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Definition version '{versionId}' of a running instance was deleted.");
        return WorkflowDefinitionService.Load(record);
    }

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
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return false;
        }

        foreach (var burst in all)
        {
            await StageAsync(burst, burst == result ? existing : null, cancellationToken);
            foreach (var outgoing in burst.Messages)
            {
                db.Stage(outgoing.Message, time.GetUtcNow());
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Only after the commit: a job must never see a bookmark that was rolled back.
        foreach (var burst in all)
        {
            foreach (var timer in burst.State.Bookmarks.Where(b => b.ResumeAt is not null && burst.Executions.Any(e => e.Id == b.ActivityInstanceId)))
            {
                timers.Schedule(timer);
            }
        }

        return true;
    }

    private static IEnumerable<RunResult> Flatten(RunResult result) => new[] { result }.Concat(result.Children.SelectMany(Flatten));

    private async Task StageAsync(RunResult result, WorkflowInstanceRecord? existing, CancellationToken cancellationToken)
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
        instance.Name = state.Name;
        instance.IncidentCount = state.Incidents.Count;
        instance.UpdatedAt = state.UpdatedAt;
        instance.FinishedAt = state.FinishedAt;
        instance.State = WorkflowStateSerializer.Serialize(state);
        instance.ConcurrencyToken = Guid.NewGuid();
        if (existing is null)
        {
            db.WorkflowInstances.Add(instance);
        }

        await db.Bookmarks.Where(b => b.WorkflowInstanceId == state.Id).ExecuteDeleteAsync(cancellationToken);
        db.Bookmarks.AddRange(state.Bookmarks.Select(b => new BookmarkRecord
        {
            Id = b.Id,
            WorkflowInstanceId = state.Id,
            Name = b.Name,
            Hash = b.Hash,
            CorrelationId = state.CorrelationId,
            ActivityInstanceId = b.ActivityInstanceId,
            CreatedAt = b.CreatedAt,
            ResumeAt = b.ResumeAt,
        }));
        db.Journal.AddRange(result.Journal.Select(ToRecord));
        await UpsertExecutionsAsync(result, cancellationToken);
    }

    private async Task UpsertExecutionsAsync(RunResult result, CancellationToken cancellationToken)
    {
        var ids = result.Executions.Select(e => e.Id).ToList();
        var stored = await db.ActivityExecutions.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        foreach (var execution in result.Executions.Where(e => e.StartedAt is not null || stored.ContainsKey(e.Id)))
        {
            var data = new JsonObject
            {
                ["activityState"] = execution.ActivityState.DeepClone(),
                ["outputs"] = execution.Outputs.DeepClone(),
                ["payload"] = new JsonObject { ["Outcomes"] = new JsonArray(execution.Outcomes.Select(o => (JsonNode?)o).ToArray()) },
                ["properties"] = execution.Properties.DeepClone(),
                ["exception"] = execution.Exception is null ? null : System.Text.Json.JsonSerializer.SerializeToNode(execution.Exception, WorkflowStateSerializer.Options),
            }.ToJsonString();
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

            db.ActivityExecutions.Add(new ActivityExecutionRecord
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

    private static JournalRecord ToRecord(JournalEntry entry) => new()
    {
        Id = entry.Id,
        WorkflowInstanceId = entry.WorkflowInstanceId,
        Sequence = entry.Sequence,
        Timestamp = entry.Timestamp,
        ActivityInstanceId = entry.ActivityInstanceId,
        ParentActivityInstanceId = entry.ParentActivityInstanceId,
        ActivityId = entry.ActivityId,
        ActivityType = entry.ActivityType,
        ActivityTypeVersion = entry.ActivityTypeVersion,
        ActivityName = entry.ActivityName,
        NodeId = entry.NodeId,
        EventName = entry.EventName,
        Message = entry.Message,
        Source = entry.Source,
        Payload = entry.Payload?.ToJsonString(),
    };

    private const int MaxEventDepth = 16;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Events published by instance {InstanceId} were not delivered: a chain of {Depth} events looks like a loop")]
    private partial void LogEventChainCut(string instanceId, int depth);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow instance {InstanceId} {Action}: {SubStatus}")]
    private partial void LogBurst(string instanceId, string action, WorkflowSubStatus subStatus);
}
