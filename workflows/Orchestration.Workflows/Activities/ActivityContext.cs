using System.Text.Json.Nodes;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Expressions;
using Orchestration.Workflows.Model;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Activities;

/// <summary>
/// What a running activity may do: complete with outcomes, wait on a bookmark, schedule children, read and write
/// variables in its scope, evaluate its own inputs, signal its ancestors. Completion takes effect when the
/// activity's method returns.
/// </summary>
public sealed class ActivityContext : IExpressionScope
{
    private readonly WorkflowExecution _execution;

    internal ActivityContext(WorkflowExecution execution, ActivityExecutionState state, ActivityNode node, ActivityDescriptor descriptor, Activity activity)
    {
        _execution = execution;
        Execution = state;
        Node = node;
        Descriptor = descriptor;
        Activity = activity;
    }

    public ActivityExecutionState Execution { get; }

    public ActivityNode Node { get; }

    public ActivityDescriptor Descriptor { get; }

    internal Activity Activity { get; }

    public WorkflowDefinition Definition => _execution.Definition;

    public WorkflowDefinition EnclosingDefinition => _execution.DefinitionOf(Execution) ?? _execution.Definition;

    public WorkflowState Workflow => _execution.State;

    /// <summary>This execution's persisted progress (containers keep counters and indexes here).</summary>
    public JsonObject Properties => Execution.Properties;

    public TimeProvider Time => _execution.Time;

    public CancellationToken CancellationToken => _execution.CancellationToken;

    internal IReadOnlyList<string>? RequestedOutcomes { get; private set; }

    public bool IsCompletionRequested => RequestedOutcomes is not null;

    public void Complete(params string[] outcomes) => RequestedOutcomes = outcomes.Length == 0 ? ["Done"] : outcomes;

    public void Complete(IEnumerable<string> outcomes) => Complete(outcomes.ToArray());

    /// <summary>Waits for a stimulus; the activity stays Running until the bookmark is resumed.</summary>
    public Bookmark CreateBookmark(string name, JsonObject? payload, bool includeActivityInstanceId = true,
        DateTimeOffset? resumeAt = null, string? callback = null) =>
        _execution.CreateBookmark(this, name, payload, includeActivityInstanceId, resumeAt, callback);

    public bool HasBookmarks => Workflow.Bookmarks.Any(b => b.ActivityInstanceId == Execution.Id);

    /// <summary>Queues a child node; it runs after what is already queued (breadth-first, as in Elsa).</summary>
    public ActivityExecutionState ScheduleChild(ActivityNode child, IReadOnlyDictionary<string, JsonNode?>? variables = null,
        JsonObject? properties = null, string? schedulingExecutionId = null) =>
        _execution.Schedule(child, Execution, schedulingExecutionId ?? Execution.Id, variables, properties);

    /// <summary>The executions above this one, nearest first.</summary>
    public IEnumerable<ActivityExecutionState> Ancestors => _execution.AncestorsOf(Execution);

    /// <summary>How deep workflows may run inside each other (inline or as activities) before the engine refuses.</summary>
    public int MaxCallDepth => _execution.Options.MaxCallDepth;

    /// <summary>The server's flowchart mode for instances that do not set <c>Flowchart:ExecutionMode</c>.</summary>
    public string DefaultFlowchartExecutionMode => _execution.Options.DefaultFlowchartExecutionMode;

    /// <summary>Direct children of this execution that have not been pruned yet.</summary>
    public IReadOnlyList<ActivityExecutionState> Children => _execution.ChildrenOf(Execution.Id);

    public void Cancel(ActivityExecutionState child) => _execution.Cancel(child);

    public ActivityDescriptor? DescriptorOf(ActivityNode node) => _execution.Registry.Find(node.Type, node.Version);

    public bool IsQueued(ActivityExecutionState execution) => _execution.IsQueued(execution.Id);

    public void Signal(ActivitySignal signal) => _execution.Signal(this, signal);

    /// <summary>Ends the instance now: Finished, no queued work, no bookmarks (Elsa's Finish).</summary>
    public void FinishWorkflow() => _execution.FinishWorkflow();

    /// <summary>Publishes an event after this burst is saved; local events reach only this instance.</summary>
    public void PublishEvent(string eventName, string? correlationId, bool isLocal, JsonNode? payload) =>
        _execution.Events.Add(new PendingEvent(eventName, correlationId, isLocal ? Workflow.Id : null, payload?.DeepClone()));

    /// <summary>Sends a message once this burst is saved (through the runtime's outbox, in the same transaction).</summary>
    public void SendMessage(object message) => _execution.Messages.Add(new OutgoingMessage(message));

    /// <summary>Runs the published version of another workflow now, as a new instance whose parent is this one.</summary>
    public Task<RunResult> RunChildWorkflowAsync(string definitionId, JsonObject input, string? correlationId, bool waitForCompletion) =>
        ChildWorkflows.RunInlineAsync(_execution, definitionId, input, correlationId, waitForCompletion);

    /// <summary>Starts another workflow after this burst is saved; returns the id its instance will have.</summary>
    public Task<string> DispatchChildWorkflowAsync(string definitionId, JsonObject input, string? correlationId) =>
        ChildWorkflows.DispatchAsync(_execution, definitionId, input, correlationId);

    /// <summary>Sets an output of the enclosing workflow (the workflow used as an activity, else the instance).</summary>
    public void SetWorkflowOutput(string name, JsonNode? value) => _execution.SetWorkflowOutput(Execution, name, value);

    /// <summary>Schedules the root of another definition inside this instance (a workflow used as an activity).</summary>
    public ActivityExecutionState ScheduleEmbeddedWorkflow(Model.WorkflowDefinition definition) =>
        _execution.Schedule(definition.Root, Execution, Execution.Id, null, null, definition);

    /// <summary>Records outputs for this execution, as [Output] properties would, and writes the bindings of its node.</summary>
    public void SetOutputs(JsonObject outputs) => _execution.RecordOutputs(this, outputs);

    public IWorkflowDefinitionResolver? DefinitionResolver => _execution.Options.Definitions;

    public void WriteLine(string text) => _execution.TextOutput.WriteLine(Workflow.Id, text);

    /// <summary>Evaluates an input the activity evaluates itself (a loop condition), converted to <typeparamref name="T"/>.</summary>
    public async ValueTask<T?> EvaluateInputAsync<T>(string inputName, T? defaultValue = default)
    {
        var wrapped = Node.Property(inputName) as JsonObject;
        if (wrapped?["expression"] is not JsonObject expression)
        {
            return defaultValue;
        }

        return (T?)await EvaluateExpressionAsync(expression, typeof(T));
    }

    /// <summary>Evaluates an expression object <c>{type, value}</c> in this activity's scope.</summary>
    public ValueTask<object?> EvaluateExpressionAsync(JsonObject expression, Type targetType, ExpressionOptions? options = null) =>
        _execution.Evaluators.EvaluateToAsync(expression["type"]?.ToString() ?? "Literal", expression["value"], targetType, this, options, CancellationToken);

    public bool TryGetVariable(string name, out JsonNode? value) => _execution.TryGetVariable(Execution, name, out value);

    public void SetVariable(string name, JsonNode? value) => _execution.SetVariable(Execution, name, value);

    public IReadOnlyList<KeyValuePair<string, JsonNode?>> VisibleVariables() => _execution.VisibleVariables(Execution);

    public JsonNode? GetInput(string name) => _execution.GetInput(Execution, name);

    public JsonNode? GetOutputFrom(string activityIdOrName, string? outputName) => _execution.GetOutputFrom(Execution, activityIdOrName, outputName);

    public JsonNode? LastResult => _execution.LastResult;
}
