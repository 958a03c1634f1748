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
        await RunWrittenFollowUpsAsync(cancellationToken);
        return result;
    }

    /// <summary>Resumes one bookmark; null when it no longer exists (already resumed, or the instance went on).</summary>
    public async Task<RunResult?> ResumeAsync(string bookmarkId, JsonObject? input, CancellationToken cancellationToken)
    {
        var result = await ResumeCoreAsync(bookmarkId, input, cancellationToken);
        await RunWrittenFollowUpsAsync(cancellationToken);
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

    private Task<RunResult?> ResumeCoreAsync(string bookmarkId, JsonObject? input, CancellationToken cancellationToken, Guid? messageId = null,
        PendingStimulusRecord? stimulus = null) =>
        ResumeCoreAsync([bookmarkId], input, cancellationToken, messageId, stimulus);

    /// <summary>
    /// Resumes the given bookmarks of one instance (all of them belong to it) in one burst: each that is still there
    /// after the previous one ran. A message is recorded once per instance, with that burst, so a redelivery resumes
    /// none of them again, while every bookmark it matched was resumed.
    /// </summary>
    private async Task<RunResult?> ResumeCoreAsync(IReadOnlyList<string> bookmarkIds, JsonObject? input, CancellationToken cancellationToken,
        Guid? messageId = null, PendingStimulusRecord? stimulus = null)
    {
        var first = bookmarkIds[0];
        var bookmark = await db.Bookmarks.AsNoTracking().FirstOrDefaultAsync(b => b.Id == first, cancellationToken);
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
        var present = bookmarkIds.Where(id => state.Bookmarks.Any(b => b.Id == id)).ToList();
        if (state.Status == WorkflowStatus.Finished || present.Count == 0)
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
        var result = await RunAndSaveAsync(definition, async () =>
        {
            var run = await runner.ResumeAsync(definition, WorkflowStateSerializer.Deserialize(instance.State), present[0], input?.DeepClone() as JsonObject, cancellationToken);
            foreach (var next in present.Skip(1))
            {
                if (run.State.Status != WorkflowStatus.Finished && run.State.Bookmarks.Any(b => b.Id == next))
                {
                    run = Combine(run, await runner.ResumeAsync(definition, run.State, next, input?.DeepClone() as JsonObject, cancellationToken));
                }
            }

            return run;
        }, instance, stimulus, cancellationToken);
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
        WithFollowUpsAsync(TriggerEventAsync(eventName, correlationId, instanceId, payload, cancellationToken, messageId: null), cancellationToken);

    /// <summary>
    /// The same stimulus from a message: a redelivery of <paramref name="messageId"/> resumes no instance twice and
    /// starts no workflow twice (an inbox row per instance and per started definition, saved with the burst).
    /// </summary>
    public Task<IReadOnlyList<RunResult>> TriggerEventFromMessageAsync(string eventName, string? correlationId, JsonObject? payload,
        Guid messageId, CancellationToken cancellationToken) =>
        WithFollowUpsAsync(TriggerEventAsync(eventName, correlationId, null, payload, cancellationToken, messageId), cancellationToken);

    private async Task<T> WithFollowUpsAsync<T>(Task<T> burst, CancellationToken cancellationToken)
    {
        var result = await burst;
        await RunWrittenFollowUpsAsync(cancellationToken);
        return result;
    }

    private async Task<IReadOnlyList<RunResult>> TriggerEventAsync(string eventName, string? correlationId, string? instanceId,
        JsonObject? payload, CancellationToken cancellationToken, Guid? messageId)
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
        // Every matching bookmark resumes, those of one instance together in one burst.
        foreach (var waiting in bookmarks.GroupBy(b => b.WorkflowInstanceId))
        {
            if (await ResumeCoreAsync(waiting.Select(b => b.Id).ToList(), (JsonObject)input.DeepClone(), cancellationToken, messageId) is { } result)
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

    /// <summary>Cancels an instance; the children it dispatched are cancelled through a follow-up, like any burst's.</summary>
    public Task<RunResult?> CancelAsync(string instanceId, CancellationToken cancellationToken) =>
        WithFollowUpsAsync(WithInstanceAsync(instanceId, (definition, state) => runner.CancelAsync(definition, state, cancellationToken), cancellationToken),
            cancellationToken);

    public Task<RunResult?> RetryAsync(string instanceId, string? incidentId, CancellationToken cancellationToken) =>
        WithFollowUpsAsync(WithInstanceAsync(instanceId, (definition, state) => runner.RetryAsync(definition, state, incidentId, cancellationToken), cancellationToken),
            cancellationToken);

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

        var followUps = new List<Guid>();
        foreach (var burst in all)
        {
            await StageAsync(burst, burst == result ? existing : null, cancellationToken);
            foreach (var outgoing in burst.Messages)
            {
                db.Stage(outgoing.Message, time.GetUtcNow());
            }

            followUps.AddRange(StageFollowUps(burst, time.GetUtcNow()));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
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
        instance.ParentInstanceId = state.ParentInstanceId;
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
        // A finished (also faulted or cancelled) instance waits for nothing: none of its bookmarks is kept as a row.
        db.Bookmarks.AddRange(state.Bookmarks.Where(_ => state.Status != WorkflowStatus.Finished).Select(b => new BookmarkRecord
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow instance {InstanceId} {Action}: {SubStatus}")]
    private partial void LogBurst(string instanceId, string action, WorkflowSubStatus subStatus);
}
