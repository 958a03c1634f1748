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
/// Stimulus routing: an event (from the API, a message or a PublishEvent follow-up) resumes every bookmark it
/// matches, starts the workflows it triggers, or is kept for a bookmark to come.
/// </summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Elsa's event stimulus: resumes every instance waiting on the event (narrowed by correlation or instance) and,
    /// unless aimed at one instance, starts the published workflows whose trigger is that event.
    /// </summary>
    public Task<IReadOnlyList<RunResult>> TriggerEventAsync(string eventName, string? correlationId, string? instanceId,
        JsonObject? payload, CancellationToken cancellationToken) =>
        WithFollowUpsAsync(TriggerEventAsync(eventName, correlationId, instanceId, payload, cancellationToken, messageId: null), cancellationToken);

    /// <summary>
    /// The same stimulus from a message: a redelivery of <paramref name="messageId"/> resumes no instance twice and
    /// starts no workflow twice (an inbox row per instance and per started definition, saved with the burst). A
    /// workflow it starts belongs to <paramref name="district"/>, the district the message names.
    /// </summary>
    public Task<IReadOnlyList<RunResult>> TriggerEventFromMessageAsync(string eventName, string? correlationId, JsonObject? payload,
        Guid messageId, string? district, CancellationToken cancellationToken) =>
        WithFollowUpsAsync(TriggerEventAsync(eventName, correlationId, null, payload, cancellationToken, messageId, district), cancellationToken);

    private async Task<T> WithFollowUpsAsync<T>(Task<T> burst, CancellationToken cancellationToken)
    {
        var result = await burst;
        await RunWrittenFollowUpsAsync(cancellationToken);
        return result;
    }

    private async Task<IReadOnlyList<RunResult>> TriggerEventAsync(string eventName, string? correlationId, string? instanceId,
        JsonObject? payload, CancellationToken cancellationToken, Guid? messageId, string? district = null)
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
            if (await ResumeCoreAsync(waiting.Select(b => b.Id).ToList(), (JsonObject)input.DeepClone(), cancellationToken, messageId,
                    instanceId: waiting.Key) is { } result)
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

                results.Add(await StartVersionAsync(WorkflowDefinitionService.Load(record), new StartWorkflowOptions
                {
                    CorrelationId = correlationId,
                    TriggerActivityId = triggerId,
                    Input = (JsonObject)input.DeepClone(),
                    District = district,
                }, cancellationToken));
            }
        }

        if (bookmarks.Count == 0 && results.Count == 0 && correlationId is not null && instanceId is null
            && await MayStillBeAwaitedAsync(eventName, correlationId, cancellationToken))
        {
            // Each event contract has its own queue: this event may have overtaken the one that brings its instance here.
            if (await KeepStimulusAsync(hash, eventName, correlationId, (JsonObject)input[Event.PayloadInputKey]!, messageId, cancellationToken) is { } delivered)
            {
                results.Add(delivered);
            }
        }

        return results;
    }

    /// <summary>
    /// Whether an event that found no bookmark is worth keeping: some definition can wait for its name, and its case
    /// has an instance still running or none yet.
    /// </summary>
    private async Task<bool> MayStillBeAwaitedAsync(string eventName, string correlationId, CancellationToken cancellationToken)
    {
        if (!await awaitedEvents.MayBeAwaitedAsync(definitions, eventName, cancellationToken))
        {
            LogUnawaitedEventDropped(eventName, correlationId);
            return false;
        }

        return !await OnlyFinishedInstancesCarryAsync(eventName, correlationId, cancellationToken);
    }

    /// <summary>
    /// A late event for a case whose instances have all finished (a redelivery, a step done after closure) has
    /// nothing to wait for it: kept, it would sit until it expired, or resume a later instance that reuses the
    /// correlation id with a stale fact. It is dropped with a log line instead; an early event (no instance yet,
    /// or one still running) is kept.
    /// </summary>
    private async Task<bool> OnlyFinishedInstancesCarryAsync(string eventName, string correlationId, CancellationToken cancellationToken)
    {
        var running = nameof(WorkflowStatus.Running);
        var statuses = await db.WorkflowInstances.AsNoTracking().Where(i => i.CorrelationId == correlationId).Select(i => i.Status).Distinct()
            .ToListAsync(cancellationToken);
        if (statuses.Count == 0 || statuses.Contains(running))
        {
            return false;
        }

        LogLateEventDropped(eventName, correlationId);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventName} for correlation {CorrelationId} was dropped: every instance of that case has finished")]
    private partial void LogLateEventDropped(string eventName, string correlationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventName} for correlation {CorrelationId} was not kept: its message was delivered to an instance before (a redelivery)")]
    private partial void LogRedeliveryNotKept(string eventName, string correlationId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventName} for correlation {CorrelationId} was not kept: no workflow definition waits for that event")]
    private partial void LogUnawaitedEventDropped(string eventName, string correlationId);

    /// <summary>Published versions with an Event activity marked "can start workflow" for this event name, from the trigger table.</summary>
    private async Task<List<(WorkflowDefinitionRecord Record, string TriggerId)>> EventTriggersAsync(string eventName, CancellationToken cancellationToken)
    {
        var rows = await db.Triggers.AsNoTracking()
            .Where(t => t.Name == TriggerSchedules.EventName && t.Value == eventName).ToListAsync(cancellationToken);
        var triggers = new List<(WorkflowDefinitionRecord, string)>();
        foreach (var row in rows)
        {
            if (await definitions.FindByIdAsync(row.DefinitionVersionId, cancellationToken) is { IsPublished: true } record)
            {
                triggers.Add((record, row.ActivityId));
            }
        }

        return triggers;
    }
}
