using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Workflows.Activities.Scheduling;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Persistence.Entities;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// The stimulus store: an event with a correlation id that matches no bookmark is kept, and a burst that creates a
/// matching bookmark consumes it in the same transaction (resumed at once, before the commit). A stimulus row is
/// deleted by exactly one transaction, so it resumes exactly one bookmark once.
/// </summary>
public sealed partial class WorkflowRuntime
{
    private const int MaxSaveAttempts = 3;

    /// <summary>
    /// Keeps an event that found no bookmark and started nothing (a redelivery of its message is kept once); the
    /// burst it resumed when a bookmark appeared meanwhile, else null.
    /// </summary>
    private async Task<RunResult?> KeepStimulusAsync(string hash, string eventName, string correlationId, JsonObject payload, Guid? messageId,
        CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        if (messageId is not null && await WasDeliveredAsync(messageId.Value, cancellationToken))
        {
            // A redelivery of a message some instance already took (its burst committed, then the consumer failed
            // before acknowledging): it is no early event. Kept, it would resume a later wait for the same name
            // with a stale fact (a second route decision, say).
            LogRedeliveryNotKept(eventName, correlationId);
            return null;
        }

        if (messageId is not null && !await db.TryAcceptAsync(messageId, $"workflow-stimulus:{eventName}", now, cancellationToken))
        {
            return null;
        }

        var stimulus = new PendingStimulusRecord
        {
            Id = Guid.NewGuid(),
            Hash = hash,
            EventName = eventName,
            CorrelationId = correlationId,
            Payload = payload.ToJsonString(),
            MessageId = messageId,
            ReceivedAt = now,
            ExpiresAt = now + options.Value.PendingStimulusLifetime,
        };
        db.PendingStimuli.Add(stimulus);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        LogStimulusKept(stimulus.Id, eventName);

        // A bookmark committed between our look-up and this insert did not see the stimulus: look once more.
        return await DeliverCoreAsync(stimulus.Id, cancellationToken);
    }

    /// <summary>
    /// Delivers one kept stimulus to the oldest bookmark that matches it now, if any (the processor's retry, and the
    /// second look after keeping one). Null when nothing matched or another burst consumed it first.
    /// </summary>
    public async Task<RunResult?> DeliverPendingStimulusAsync(Guid stimulusId, CancellationToken cancellationToken)
    {
        var result = await DeliverCoreAsync(stimulusId, cancellationToken);
        await RunWrittenFollowUpsAsync(cancellationToken);
        return result;
    }

    private async Task<RunResult?> DeliverCoreAsync(Guid stimulusId, CancellationToken cancellationToken)
    {
        var stimulus = await db.PendingStimuli.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stimulusId, cancellationToken);
        if (stimulus is null)
        {
            return null;
        }

        var bookmarkIds = await db.Bookmarks.AsNoTracking().Where(b => b.Hash == stimulus.Hash && b.CorrelationId == stimulus.CorrelationId)
            .OrderBy(b => b.CreatedAt).Select(b => b.Id).ToListAsync(cancellationToken);
        foreach (var bookmarkId in bookmarkIds)
        {
            if (await ResumeCoreAsync(bookmarkId, InputOf(stimulus), cancellationToken, stimulus: stimulus) is { } result)
            {
                LogStimulusDelivered(stimulus.Id, result.State.Id, time.GetUtcNow() - stimulus.ReceivedAt);
                return result;
            }
        }

        return null;
    }

    /// <summary>Kept stimuli that a committed bookmark matches (a bookmark that was committed while they were being kept).</summary>
    public Task<List<Guid>> DeliverableStimuliAsync(int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.PendingStimuli.AsNoTracking()
            .Where(s => s.ExpiresAt > now && db.Bookmarks.Any(b => b.Hash == s.Hash && b.CorrelationId == s.CorrelationId))
            .OrderBy(s => s.ReceivedAt).Select(s => s.Id).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>Deletes the kept stimuli whose lifetime has passed; returns how many.</summary>
    public async Task<int> PurgeExpiredStimuliAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var purged = await db.PendingStimuli.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        if (purged > 0)
        {
            LogStimuliExpired(purged);
        }

        return purged;
    }

    /// <summary>
    /// Runs a burst and saves it with the stimuli it consumed. When another burst consumed one of those first, the
    /// burst is run again from the stored state (nothing of it was saved); null when that was the stimulus the
    /// caller came to deliver.
    /// </summary>
    private async Task<RunResult?> RunAndSaveAsync(Model.WorkflowDefinition definition, Func<Task<RunResult>> run, WorkflowInstanceRecord? existing,
        PendingStimulusRecord? stimulus, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            List<PendingStimulusRecord> claimed = stimulus is null ? [] : [stimulus];
            var result = await ConsumePendingStimuliAsync(definition, await run(), claimed, cancellationToken);
            if (await SaveAsync(result, existing, claimed, cancellationToken))
            {
                return result;
            }

            if (stimulus is not null && !await db.PendingStimuli.AnyAsync(s => s.Id == stimulus.Id, cancellationToken))
            {
                return null;
            }

            if (attempt == MaxSaveAttempts)
            {
                throw new DbUpdateConcurrencyException($"Instance {result.State.Id}: the stimuli it consumed were taken by other bursts {attempt} times.");
            }
        }
    }

    /// <summary>
    /// While the burst left a bookmark that a kept stimulus (same hash and correlation) matches, resumes it with that
    /// stimulus in memory; the stimuli are deleted when the burst is saved.
    /// </summary>
    private async Task<RunResult> ConsumePendingStimuliAsync(Model.WorkflowDefinition definition, RunResult result,
        List<PendingStimulusRecord> claimed, CancellationToken cancellationToken)
    {
        while (result.State is { CorrelationId: { } correlationId, Status: not WorkflowStatus.Finished, Bookmarks.Count: > 0 } state)
        {
            var hashes = state.Bookmarks.Select(b => b.Hash).Distinct().ToList();
            var taken = claimed.Select(c => c.Id).ToList();
            var now = time.GetUtcNow();
            var stimulus = await db.PendingStimuli.AsNoTracking()
                .Where(s => hashes.Contains(s.Hash) && s.CorrelationId == correlationId && s.ExpiresAt > now && !taken.Contains(s.Id))
                .OrderBy(s => s.ReceivedAt).FirstOrDefaultAsync(cancellationToken);
            if (stimulus is null)
            {
                break;
            }

            claimed.Add(stimulus);
            LogStimulusDelivered(stimulus.Id, state.Id, now - stimulus.ReceivedAt);
            var bookmark = state.Bookmarks.Where(b => b.Hash == stimulus.Hash).OrderBy(b => b.CreatedAt).First();
            result = Combine(result, await runner.ResumeAsync(definition, state, bookmark.Id, InputOf(stimulus), cancellationToken));
        }

        return result;
    }

    /// <summary>
    /// Inside the burst's transaction: deletes each consumed stimulus, and records its message in the inbox as a
    /// direct delivery would. False when a stimulus is gone (another burst consumed it); then nothing was tracked, so
    /// the caller's tracked rows (the instance, its message's inbox row) stay as they were for the retry.
    /// </summary>
    private async Task<bool> RemoveConsumedStimuliAsync(string instanceId, IReadOnlyList<PendingStimulusRecord> claimed, CancellationToken cancellationToken)
    {
        foreach (var stimulus in claimed)
        {
            var id = stimulus.Id;
            if (await db.PendingStimuli.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken) != 1)
            {
                return false;
            }
        }

        foreach (var stimulus in claimed.Where(s => s.MessageId is not null))
        {
            await db.TryAcceptAsync(stimulus.MessageId, DeliveredToInstance + instanceId, time.GetUtcNow(), cancellationToken);
        }

        return true;
    }

    /// <summary>The inbox consumer name of a message delivered to an instance (a resumed bookmark), followed by the instance id.</summary>
    private const string DeliveredToInstance = "workflow-event:";

    private Task<bool> WasDeliveredAsync(Guid messageId, CancellationToken cancellationToken) =>
        db.Set<InboxMessage>().AsNoTracking().AnyAsync(m => m.MessageId == messageId && m.Consumer.StartsWith(DeliveredToInstance), cancellationToken);

    private static JsonObject InputOf(PendingStimulusRecord stimulus) =>
        new() { [Event.PayloadInputKey] = JsonNode.Parse(stimulus.Payload) ?? new JsonObject() };

    /// <summary>Two bursts of one instance saved as one: the later state, every journal line, the latest copy of each execution.</summary>
    private static RunResult Combine(RunResult first, RunResult second)
    {
        var executions = first.Executions.Where(e => second.Executions.All(s => s.Id != e.Id)).Concat(second.Executions).ToList();
        return new RunResult(second.State, [.. first.Journal, .. second.Journal], executions, [.. first.Events, .. second.Events])
        {
            Children = [.. first.Children, .. second.Children],
            Dispatches = [.. first.Dispatches, .. second.Dispatches],
            Messages = [.. first.Messages, .. second.Messages],
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kept stimulus {StimulusId} ({EventName}): no bookmark waits for it yet")]
    private partial void LogStimulusKept(Guid stimulusId, string eventName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivered kept stimulus {StimulusId} to instance {InstanceId} after {Waited}")]
    private partial void LogStimulusDelivered(Guid stimulusId, string instanceId, TimeSpan waited);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} expired stimuli")]
    private partial void LogStimuliExpired(int count);
}
