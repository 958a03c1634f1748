using System.Text.Json.Nodes;
using Orchestration.Workflows.Activities;
using Orchestration.Workflows.Expressions;
using Orchestration.Workflows.Model;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Engine;

/// <summary>
/// One burst of one instance: a FIFO queue of work items run until empty (ELSA-SEMANTICS.md §1.2), with the
/// journal and the set of executions it touched. Not thread-safe: an instance runs on one node at a time.
/// This file holds the queue, scheduling, invocation and completion; the other concerns sit beside it in
/// <c>WorkflowExecution.Variables.cs</c> (variable scope), <c>.InputsAndOutputs.cs</c> (evaluated inputs, output
/// binding), <c>.Status.cs</c> (faults, incidents, end of burst), <c>.Journal.cs</c> and <c>.EmbeddedDefinitions.cs</c>.
/// </summary>
internal sealed partial class WorkflowExecution
{
    private readonly Queue<WorkItem> _queue = new();
    private readonly Dictionary<string, ActivityExecutionState> _executions;

    /// <summary>Children per parent execution, in scheduling order: looking them up must not scan every execution (a long loop made that quadratic).</summary>
    private readonly Dictionary<string, List<ActivityExecutionState>> _children = new(StringComparer.Ordinal);
    private readonly ActivityRegistry _registry;
    private readonly WorkflowRunnerOptions _options;

    public WorkflowExecution(WorkflowDefinition definition, WorkflowState state, ActivityRegistry registry, ExpressionEvaluators evaluators,
        WorkflowRunnerOptions options, WorkflowRunner runner, CancellationToken cancellationToken)
    {
        Runner = runner;
        Definition = definition;
        State = state;
        _registry = registry;
        Evaluators = evaluators;
        _options = options;
        CancellationToken = cancellationToken;
        _executions = state.Executions.ToDictionary(e => e.Id, StringComparer.Ordinal);
        foreach (var execution in state.Executions)
        {
            AddChild(execution);
        }

        // What the previous burst left at its limits runs first, before anything this burst adds.
        foreach (var pending in state.PendingWork)
        {
            _queue.Enqueue(new WorkItem(pending.ExecutionId, pending.Bookmark, pending.Input));
        }

        state.PendingWork.Clear();
    }

    public WorkflowDefinition Definition { get; }

    public WorkflowState State { get; }

    public ExpressionEvaluators Evaluators { get; }

    public ActivityRegistry Registry => _registry;

    public TimeProvider Time => _options.Time;

    public IWorkflowTextOutput TextOutput => _options.TextOutput;

    public CancellationToken CancellationToken { get; }

    public List<JournalEntry> Journal { get; } = [];

    public List<PendingEvent> Events { get; } = [];

    public List<OutgoingMessage> Messages { get; } = [];

    public List<RunResult> Children { get; } = [];

    public List<PendingDispatch> Dispatches { get; } = [];

    public WorkflowRunner Runner { get; }

    public WorkflowRunnerOptions Options => _options;

    /// <summary>Executions created or changed in this burst (for activity execution records).</summary>
    public Dictionary<string, ActivityExecutionState> Touched { get; } = new(StringComparer.Ordinal);

    private bool IsFinished => State.Status == WorkflowStatus.Finished;

    public void Start()
    {
        Schedule(Definition.WorkflowNode, parent: null, schedulingExecutionId: null, variables: null, properties: null);
    }

    public void Enqueue(WorkItem item) => _queue.Enqueue(item);

    public async Task RunAsync()
    {
        var limits = _options.BurstLimits;
        var started = Time.GetTimestamp();
        var invoked = 0;
        try
        {
            await PreloadEmbeddedAsync();
            if (State.SubStatus == WorkflowSubStatus.Pending || State.SubStatus == WorkflowSubStatus.Suspended)
            {
                State.SubStatus = WorkflowSubStatus.Executing;
            }

            while (_queue.Count > 0)
            {
                // At least one invocation per burst, so a continuation always makes progress.
                if (invoked > 0 && (invoked >= limits.MaxActivitiesPerBurst || Time.GetElapsedTime(started) >= limits.MaxBurstDuration))
                {
                    break;
                }

                CancellationToken.ThrowIfCancellationRequested();
                await InvokeAsync(_queue.Dequeue());
                invoked++;
                if (++State.ActivitiesInRun > limits.MaxActivitiesPerRun && !IsFinished)
                {
                    throw new RunawayWorkflowException(State.ActivitiesInRun);
                }
            }
        }
        catch (Exception ex) when (IsWorkflowFault(ex))
        {
            FaultWorkflow(ex);
        }

        EndBurst();
    }

    public ActivityExecutionState Schedule(ActivityNode node, ActivityExecutionState? parent, string? schedulingExecutionId,
        IReadOnlyDictionary<string, JsonNode?>? variables, JsonObject? properties, WorkflowDefinition? embedded = null)
    {
        if (embedded is not null)
        {
            AddEmbedded(embedded);
        }

        var definitionVersionId = embedded?.Id ?? parent?.DefinitionVersionId;
        var execution = new ActivityExecutionState
        {
            Id = WorkflowIds.New(),
            ParentId = parent?.Id,
            NodeId = node.NodeId,
            ActivityId = node.Id,
            ActivityType = node.Type,
            ActivityTypeVersion = node.Version,
            ActivityName = node.Name,
            Properties = properties ?? [],
            SchedulingExecutionId = schedulingExecutionId,
            DefinitionVersionId = definitionVersionId,
        };
        if (definitionVersionId is not null)
        {
            execution.Properties["definitionId"] = DefinitionOf(execution)?.DefinitionId;
        }
        foreach (var (name, value) in variables ?? new Dictionary<string, JsonNode?>())
        {
            execution.Variables[name] = value;
        }

        State.Executions.Add(execution);
        _executions[execution.Id] = execution;
        AddChild(execution);
        Touch(execution);
        _queue.Enqueue(new WorkItem(execution.Id));
        return execution;
    }

    public IReadOnlyList<ActivityExecutionState> ChildrenOf(string executionId) =>
        _children.TryGetValue(executionId, out var children) ? children.ToList() : [];

    private void AddChild(ActivityExecutionState execution)
    {
        if (execution.ParentId is null)
        {
            return;
        }

        if (!_children.TryGetValue(execution.ParentId, out var children))
        {
            _children[execution.ParentId] = children = [];
        }

        children.Add(execution);
    }

    public bool IsQueued(string executionId) => _queue.Any(w => w.ExecutionId == executionId);

    private async Task InvokeAsync(WorkItem item)
    {
        if (!_executions.TryGetValue(item.ExecutionId, out var execution)
            || execution.Status is ActivityStatus.Completed or ActivityStatus.Canceled or ActivityStatus.Faulted)
        {
            return;
        }

        var node = NodeOf(execution);
        var descriptor = node is null ? null : _registry.Find(node.Type, node.Version);
        if (node is null || descriptor is null)
        {
            Fault(execution, new InvalidOperationException(node is null
                ? $"The node '{execution.NodeId}' is not in version {Definition.Version} of the definition."
                : $"Unknown activity type '{node.Type}' (version {node.Version})."));
            return;
        }

        var context = new ActivityContext(this, execution, node, descriptor, descriptor.Create());
        Write(execution, item.Bookmark is null ? "Started" : "Resumed");
        execution.Status = ActivityStatus.Running;
        execution.StartedAt ??= Time.GetUtcNow();
        Touch(execution);
        try
        {
            await SetInputsAsync(context);
            if (item.Bookmark is { } bookmark)
            {
                if (bookmark.AutoBurn)
                {
                    State.Bookmarks.RemoveAll(b => b.Id == bookmark.Id);
                }

                MergeInput(item.Input);
                await context.Activity.ResumeAsync(context, bookmark);
            }
            else
            {
                await context.Activity.ExecuteAsync(context);
            }

            if (context.Activity is CodeActivity && !context.IsCompletionRequested && !context.HasBookmarks
                && execution.Status == ActivityStatus.Running && !ChildrenOf(execution.Id).Any(c => c.Status is ActivityStatus.Pending or ActivityStatus.Running))
            {
                context.Complete();
            }

            await FinishInvocationAsync(context);
            if (execution.Status == ActivityStatus.Running && context.HasBookmarks)
            {
                Write(execution, "Suspended");
            }
        }
        catch (Exception ex) when (IsWorkflowFault(ex))
        {
            Fault(execution, ex);
        }
    }

    /// <summary>Applies a completion the activity asked for once its method returned, then tells the parent.</summary>
    private async Task FinishInvocationAsync(ActivityContext context)
    {
        if (context.RequestedOutcomes is not { } outcomes || context.Execution.Status != ActivityStatus.Running)
        {
            return;
        }

        var execution = context.Execution;
        CaptureOutputs(context);
        foreach (var child in ChildrenOf(execution.Id).Where(c => c.Status is ActivityStatus.Pending or ActivityStatus.Running))
        {
            Cancel(child);
        }

        execution.Status = ActivityStatus.Completed;
        execution.CompletedAt = Time.GetUtcNow();
        execution.Outcomes = [.. outcomes];
        State.Bookmarks.RemoveAll(b => b.ActivityInstanceId == execution.Id);
        Write(execution, "Completed", payload: new JsonObject { ["Outcomes"] = new JsonArray(outcomes.Select(o => (JsonNode?)o).ToArray()) });
        Touch(execution);

        if (execution.ParentId is null)
        {
            // The implicit Workflow activity completed: the instance is done.
            MarkFinished(WorkflowSubStatus.Finished);
            return;
        }

        if (!_executions.TryGetValue(execution.ParentId, out var parent) || parent.Status != ActivityStatus.Running || IsFinished)
        {
            return;
        }

        await NotifyParentAsync(parent, new ChildCompletion(context.Node, execution, outcomes));
    }

    private async Task NotifyParentAsync(ActivityExecutionState parent, ChildCompletion child)
    {
        var parentContext = CreateContext(parent);
        if (parentContext is null)
        {
            return;
        }

        try
        {
            await SetInputsAsync(parentContext);
            await parentContext.Activity.OnChildCompletedAsync(parentContext, child);
            await FinishInvocationAsync(parentContext);
        }
        catch (Exception ex) when (IsWorkflowFault(ex))
        {
            Fault(parent, ex);
        }
    }

    /// <summary>
    /// An exception the workflow answers for (faulting the activity); not a cancellation of this run, and not the
    /// host failing to reach its store, which abandons the burst instead (<see cref="WorkflowInfrastructureException"/>).
    /// </summary>
    private bool IsWorkflowFault(Exception exception) =>
        exception is not WorkflowInfrastructureException && (exception is not OperationCanceledException || !CancellationToken.IsCancellationRequested);

    private ActivityContext? CreateContext(ActivityExecutionState execution)
    {
        var node = NodeOf(execution);
        var descriptor = node is null ? null : _registry.Find(node.Type, node.Version);
        return node is null || descriptor is null ? null : new ActivityContext(this, execution, node, descriptor, descriptor.Create());
    }

    public Bookmark CreateBookmark(ActivityContext context, string name, JsonObject? payload, bool includeActivityInstanceId,
        DateTimeOffset? resumeAt, string? callback)
    {
        var bookmark = new Bookmark(WorkflowIds.New(), name, BookmarkHasher.Hash(name, payload, includeActivityInstanceId ? context.Execution.Id : null),
            payload, context.Node.Id, context.Node.NodeId, context.Execution.Id, Time.GetUtcNow(), AutoBurn: true, callback, resumeAt);
        State.Bookmarks.Add(bookmark);
        return bookmark;
    }

    public void Cancel(ActivityExecutionState execution)
    {
        if (execution.Status is ActivityStatus.Completed or ActivityStatus.Canceled)
        {
            return;
        }

        foreach (var child in ChildrenOf(execution.Id))
        {
            Cancel(child);
        }

        execution.Status = ActivityStatus.Canceled;
        execution.CompletedAt = Time.GetUtcNow();
        State.Bookmarks.RemoveAll(b => b.ActivityInstanceId == execution.Id);
        Write(execution, "Canceled");
        Touch(execution);
    }

    public void Signal(ActivityContext source, ActivitySignal signal)
    {
        for (var id = source.Execution.ParentId; id is not null && _executions.TryGetValue(id, out var ancestor); id = ancestor.ParentId)
        {
            if (CreateContext(ancestor) is { } context && context.Activity.OnSignal(context, signal))
            {
                return;
            }
        }
    }

    public void FinishWorkflow()
    {
        _queue.Clear();
        State.Bookmarks.Clear();
        MarkFinished(WorkflowSubStatus.Finished);
    }

    public void Retry(ActivityExecutionState execution)
    {
        execution.Status = ActivityStatus.Pending;
        execution.Exception = null;
        Touch(execution);
        _queue.Enqueue(new WorkItem(execution.Id));
    }
}
