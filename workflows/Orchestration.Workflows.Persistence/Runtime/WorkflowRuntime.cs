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
/// saves each burst in one transaction. Every resume re-reads the instance under its lock and checks that the
/// bookmark is still there, so one stimulus resumes once. One concern per file: this one runs bursts;
/// <c>.Events</c> routes stimuli, <c>.PendingStimuli</c> keeps early ones, <c>.Saving</c> writes a burst,
/// <c>.FollowUps</c> carries out what a burst set off, <c>.Timers</c> sweeps due timers.
/// </summary>
public sealed partial class WorkflowRuntime(
    WorkflowsDbContext db,
    WorkflowDefinitionService definitions,
    WorkflowRunner runner,
    IWorkflowInstanceLock locks,
    ITimerScheduler timers,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<WorkflowRuntimeOptions> options,
    ProtectedEventNames protectedEvents,
    AwaitedEventNames awaitedEvents,
    OutboxSignal outbox,
    ILogger<WorkflowRuntime> logger)
{
    public async Task<RunResult> StartAsync(string definitionId, VersionOptions versionOptions, StartWorkflowOptions start,
        CancellationToken cancellationToken)
    {
        var definition = await definitions.FindRunnableAsync(definitionId, versionOptions, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Workflow definition '{definitionId}' has no version matching {versionOptions}.");
        var result = await StartVersionAsync(definition, start, cancellationToken);
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

    private async Task<RunResult> StartVersionAsync(Model.WorkflowDefinition definition, StartWorkflowOptions start, CancellationToken cancellationToken)
    {
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
    /// none of them again, while every bookmark it matched was resumed. A caller that has just read the bookmarks
    /// passes their <paramref name="instanceId"/>, which spares reading the first one again (the instance's state,
    /// read under its lock, still decides which of them are there).
    /// </summary>
    private async Task<RunResult?> ResumeCoreAsync(IReadOnlyList<string> bookmarkIds, JsonObject? input, CancellationToken cancellationToken,
        Guid? messageId = null, PendingStimulusRecord? stimulus = null, string? instanceId = null)
    {
        if (instanceId is null)
        {
            var first = bookmarkIds[0];
            instanceId = await db.Bookmarks.AsNoTracking().Where(b => b.Id == first).Select(b => b.WorkflowInstanceId).FirstOrDefaultAsync(cancellationToken);
            if (instanceId is null)
            {
                return null;
            }
        }

        await using var held = await locks.AcquireAsync(instanceId, cancellationToken);
        db.ChangeTracker.Clear();
        if (await LoadInstanceAsync(instanceId, cancellationToken) is not var (instance, version))
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
        if (messageId is not null && !await db.TryAcceptAsync(messageId, DeliveredToInstance + instance.Id, time.GetUtcNow(), cancellationToken))
        {
            return null;
        }

        var definition = version.Value;
        await EnsureActivityTypesAsync(definition, cancellationToken);
        var fresh = state;
        var result = await RunAndSaveAsync(definition, async () =>
        {
            // The state read above serves the first attempt; a retry (its stimuli were taken) starts again from the stored one.
            var from = fresh ?? WorkflowStateSerializer.Deserialize(instance.State);
            fresh = null;
            var run = await runner.ResumeAsync(definition, from, present[0], input?.DeepClone() as JsonObject, cancellationToken);
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

    /// <summary>Ids of the instances of a definition (any version) that have not finished.</summary>
    public Task<List<string>> RunningInstancesOfAsync(string definitionId, CancellationToken cancellationToken)
    {
        var running = nameof(WorkflowStatus.Running);
        return db.WorkflowInstances.AsNoTracking().Where(i => i.DefinitionId == definitionId && i.Status == running)
            .Select(i => i.Id).ToListAsync(cancellationToken);
    }

    /// <summary>How many instances still run per definition id (any version) or, with <paramref name="byVersion"/>, per version id; only those with any.</summary>
    public Task<Dictionary<string, int>> RunningInstanceCountsAsync(IReadOnlyCollection<string> ids, bool byVersion, CancellationToken cancellationToken)
    {
        var running = nameof(WorkflowStatus.Running);
        var instances = db.WorkflowInstances.AsNoTracking().Where(i => i.Status == running);
        var keys = byVersion
            ? instances.Where(i => ids.Contains(i.DefinitionVersionId)).Select(i => i.DefinitionVersionId)
            : instances.Where(i => ids.Contains(i.DefinitionId)).Select(i => i.DefinitionId);
        return keys.GroupBy(k => k).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
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
        if (await LoadInstanceAsync(instanceId, cancellationToken) is not var (instance, version))
        {
            return null;
        }

        var definition = version.Value;
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

    private async Task<Model.WorkflowDefinition> LoadVersionAsync(string versionId, CancellationToken cancellationToken) =>
        await definitions.FindRunnableByIdAsync(versionId, knownToken: null, cancellationToken)
        ?? throw new WorkflowNotFoundException($"Definition version '{versionId}' of a running instance was deleted.");

    /// <summary>
    /// The instance (tracked) and the runnable definition of its version, in one query: the version's concurrency
    /// token comes with the instance, and its JSON is read only when that version is not cached yet. Null when the
    /// instance is gone.
    /// </summary>
    private async Task<(WorkflowInstanceRecord Instance, Lazy<Model.WorkflowDefinition> Definition)?> LoadInstanceAsync(string instanceId,
        CancellationToken cancellationToken)
    {
        var row = await db.WorkflowInstances.Where(i => i.Id == instanceId)
            .Select(i => new
            {
                Instance = i,
                Token = db.WorkflowDefinitions.Where(d => d.Id == i.DefinitionVersionId).Select(d => (Guid?)d.ConcurrencyToken).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var versionId = row.Instance.DefinitionVersionId;
        var definition = row.Token is { } token ? await definitions.FindRunnableByIdAsync(versionId, token, cancellationToken) : null;
        // Thrown only when the burst needs it: a finished instance of a deleted version is simply not resumed.
        return (row.Instance, new Lazy<Model.WorkflowDefinition>(() =>
            definition ?? throw new WorkflowNotFoundException($"Definition version '{versionId}' of a running instance was deleted.")));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow instance {InstanceId} {Action}: {SubStatus}")]
    private partial void LogBurst(string instanceId, string action, WorkflowSubStatus subStatus);
}
