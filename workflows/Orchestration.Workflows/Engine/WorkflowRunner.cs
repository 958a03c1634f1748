using System.Text.Json.Nodes;
using Orchestration.Workflows.Activities;
using Orchestration.Workflows.Expressions;
using Orchestration.Workflows.Model;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Engine;

/// <summary>
/// Runs bursts of workflow instances: start, resume a bookmark, retry faulted activities, cancel. Stateless and
/// storage-free: the caller loads and saves <see cref="WorkflowState"/> and makes sure one instance runs on one
/// node at a time.
/// </summary>
public sealed class WorkflowRunner(ActivityRegistry registry, ExpressionEvaluators evaluators, WorkflowRunnerOptions options)
{
    public ActivityRegistry Registry => registry;

    public WorkflowRunnerOptions Options => options;

    public async Task<RunResult> StartAsync(WorkflowDefinition definition, StartWorkflowOptions? start = null, CancellationToken cancellationToken = default)
    {
        start ??= new StartWorkflowOptions();
        var now = options.Time.GetUtcNow();
        var state = new WorkflowState
        {
            Id = start.InstanceId ?? WorkflowIds.New(),
            DefinitionId = definition.DefinitionId,
            DefinitionVersionId = definition.Id,
            DefinitionVersion = definition.Version,
            CorrelationId = start.CorrelationId,
            TriggerActivityId = start.TriggerActivityId,
            ParentInstanceId = start.ParentInstanceId,
            District = start.District,
            Input = (JsonObject?)start.Input?.DeepClone() ?? [],
            Properties = (JsonObject?)start.Properties?.DeepClone() ?? [],
            CallDepth = start.CallDepth,
            CreatedAt = now,
            UpdatedAt = now,
        };
        // Our extension: a definition may ask for token mode; Elsa reads it from instance properties only (§3.1).
        if (state.Properties["Flowchart:ExecutionMode"] is null && definition.CustomProperties["Flowchart:ExecutionMode"] is { } mode)
        {
            state.Properties["Flowchart:ExecutionMode"] = mode.DeepClone();
        }

        var execution = Create(definition, state, cancellationToken);
        execution.Start();
        await execution.RunAsync();
        return Result(execution);
    }

    public async Task<RunResult> ResumeAsync(WorkflowDefinition definition, WorkflowState state, string bookmarkId, JsonObject? input = null,
        CancellationToken cancellationToken = default)
    {
        EnsureRunning(state);
        var bookmark = state.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId)
            ?? throw new WorkflowRunException($"Instance {state.Id} has no bookmark {bookmarkId}.");
        var execution = Create(definition, state, cancellationToken);
        execution.Enqueue(new WorkItem(bookmark.ActivityInstanceId, bookmark, input));
        await execution.RunAsync();
        return Result(execution);
    }

    /// <summary>Runs the work a burst left at its limits (<see cref="WorkflowState.PendingWork"/>) in a new burst.</summary>
    public async Task<RunResult> ContinueAsync(WorkflowDefinition definition, WorkflowState state, CancellationToken cancellationToken = default)
    {
        EnsureRunning(state);
        var execution = Create(definition, state, cancellationToken);
        await execution.RunAsync();
        return Result(execution);
    }

    /// <summary>Recovers every faulted activity (or the one of <paramref name="incidentId"/>) and runs it again.</summary>
    public async Task<RunResult> RetryAsync(WorkflowDefinition definition, WorkflowState state, string? incidentId = null,
        CancellationToken cancellationToken = default)
    {
        var incidents = state.Incidents.Where(i => incidentId is null || i.Id == incidentId).ToList();
        var faulted = state.Executions.Where(e => e.Status == ActivityStatus.Faulted && incidents.Any(i => i.ActivityInstanceId == e.Id)).ToList();
        if (faulted.Count == 0)
        {
            throw new WorkflowRunException(incidentId is null
                ? $"Instance {state.Id} has no faulted activity to retry."
                : $"Instance {state.Id} has no faulted activity for incident {incidentId}.");
        }

        if (state.SubStatus == WorkflowSubStatus.Cancelled)
        {
            throw new WorkflowRunException($"Instance {state.Id} was cancelled; it cannot be retried.");
        }

        state.Status = WorkflowStatus.Running;
        state.SubStatus = WorkflowSubStatus.Executing;
        state.FinishedAt = null;
        state.Incidents.RemoveAll(incidents.Contains);
        var execution = Create(definition, state, cancellationToken);
        foreach (var activity in faulted)
        {
            execution.Retry(activity);
        }

        await execution.RunAsync();
        return Result(execution);
    }

    public Task<RunResult> CancelAsync(WorkflowDefinition definition, WorkflowState state, CancellationToken cancellationToken = default)
    {
        EnsureRunning(state);
        var execution = Create(definition, state, cancellationToken);
        foreach (var running in state.Executions.Where(e => e.ParentId is null).ToList())
        {
            execution.Cancel(running);
        }

        state.Bookmarks.Clear();
        state.Status = WorkflowStatus.Finished;
        state.SubStatus = WorkflowSubStatus.Cancelled;
        state.FinishedAt = options.Time.GetUtcNow();
        state.UpdatedAt = state.FinishedAt.Value;
        state.Executions.Clear();
        return Task.FromResult(Result(execution));
    }

    private WorkflowExecution Create(WorkflowDefinition definition, WorkflowState state, CancellationToken cancellationToken)
    {
        if (definition.Id != state.DefinitionVersionId && !string.IsNullOrEmpty(state.DefinitionVersionId))
        {
            throw new WorkflowRunException($"Instance {state.Id} runs version {state.DefinitionVersionId}, not {definition.Id}.");
        }

        return new WorkflowExecution(definition, state, registry, evaluators, options, this, cancellationToken);
    }

    private static void EnsureRunning(WorkflowState state)
    {
        if (state.Status == WorkflowStatus.Finished)
        {
            throw new WorkflowRunException($"Instance {state.Id} is {state.SubStatus}; it cannot continue.");
        }
    }

    private static RunResult Result(WorkflowExecution execution) =>
        new(execution.State, execution.Journal, execution.Touched.Values.ToList(), execution.Events)
        {
            Children = execution.Children,
            Dispatches = execution.Dispatches,
            Messages = execution.Messages,
        };
}
