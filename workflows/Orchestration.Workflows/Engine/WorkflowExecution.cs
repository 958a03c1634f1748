using System.Text.Json.Nodes;
using Orchestration.Workflows.Activities;
using Orchestration.Workflows.Expressions;
using Orchestration.Workflows.Model;
using Orchestration.Workflows.State;
using Orchestration.Workflows.Values;

namespace Orchestration.Workflows.Engine;

/// <summary>
/// One burst of one instance: a FIFO queue of work items run until empty (ELSA-SEMANTICS.md §1.2), with the
/// journal and the set of executions it touched. Not thread-safe: an instance runs on one node at a time.
/// </summary>
internal sealed class WorkflowExecution
{
    private readonly Queue<WorkItem> _queue = new();
    private readonly Dictionary<string, ActivityExecutionState> _executions;
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

    /// <summary>Definitions of workflows embedded as activities, by version id.</summary>
    private readonly Dictionary<string, WorkflowDefinition> _embedded = new(StringComparer.Ordinal);

    public List<PendingDispatch> Dispatches { get; } = [];

    public WorkflowRunner Runner { get; }

    public WorkflowRunnerOptions Options => _options;

    /// <summary>Executions created or changed in this burst (for activity execution records).</summary>
    public Dictionary<string, ActivityExecutionState> Touched { get; } = new(StringComparer.Ordinal);

    public JsonNode? LastResult =>
        State.LastResultActivityId is { } id && State.ActivityOutputs[id] is JsonObject outputs ? outputs["Result"]?.DeepClone() : null;

    private bool IsFinished => State.Status == WorkflowStatus.Finished;

    public void Start()
    {
        Schedule(Definition.WorkflowNode, parent: null, schedulingExecutionId: null, variables: null, properties: null);
    }

    public void Enqueue(WorkItem item) => _queue.Enqueue(item);

    /// <summary>The node an execution runs, in the instance's definition or in an embedded one.</summary>
    public ActivityNode? NodeOf(ActivityExecutionState execution) =>
        DefinitionOf(execution)?.FindByNodeId(execution.NodeId);

    public WorkflowDefinition? DefinitionOf(ActivityExecutionState execution) =>
        execution.DefinitionVersionId is null ? Definition : _embedded.GetValueOrDefault(execution.DefinitionVersionId);

    public void AddEmbedded(WorkflowDefinition definition) => _embedded[definition.Id] = definition;

    /// <summary>Loads the definitions of embedded workflows that executions from earlier bursts still run in.</summary>
    private async Task PreloadEmbeddedAsync()
    {
        foreach (var versionId in State.Executions.Select(e => e.DefinitionVersionId).OfType<string>().Distinct().Where(v => !_embedded.ContainsKey(v)))
        {
            var owner = State.Executions.First(e => e.DefinitionVersionId == versionId);
            var definitionId = owner.Properties["definitionId"]?.ToString() ?? "";
            if (_options.Definitions is { } resolver && await resolver.FindVersionAsync(definitionId, versionId, CancellationToken) is { } definition)
            {
                _embedded[versionId] = definition;
            }
        }
    }

    public async Task RunAsync()
    {
        try
        {
            await PreloadEmbeddedAsync();
            if (State.SubStatus == WorkflowSubStatus.Pending || State.SubStatus == WorkflowSubStatus.Suspended)
            {
                State.SubStatus = WorkflowSubStatus.Executing;
            }

            while (_queue.TryDequeue(out var item))
            {
                CancellationToken.ThrowIfCancellationRequested();
                await InvokeAsync(item);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !CancellationToken.IsCancellationRequested)
        {
            FaultWorkflow(ex);
        }

        EndBurst();
    }

    /// <summary>
    /// An exception outside any activity (loading what the instance runs, the engine itself): a workflow-level
    /// incident and journal entry, and the instance faults (ELSA-SEMANTICS.md §8).
    /// </summary>
    private void FaultWorkflow(Exception exception)
    {
        var workflow = Definition.WorkflowNode;
        var now = Time.GetUtcNow();
        var state = ExceptionState.From(exception);
        State.Incidents.Add(new Incident(NewId(), workflow.Id, workflow.NodeId, workflow.Type, State.Id, exception.Message, state, now));
        Journal.Add(new JournalEntry(NewId(), State.Id, State.Id, null, workflow.Id, workflow.Type, workflow.Version, workflow.Name, Definition.Id,
            now, ++State.JournalSequence, "Faulted", exception.Message, null, null));
        _queue.Clear();
        MarkFinished(WorkflowSubStatus.Faulted);
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
            Id = NewId(),
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
        Touch(execution);
        _queue.Enqueue(new WorkItem(execution.Id));
        return execution;
    }

    public IReadOnlyList<ActivityExecutionState> ChildrenOf(string executionId) =>
        State.Executions.Where(e => e.ParentId == executionId).ToList();

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
        catch (Exception ex) when (ex is not OperationCanceledException || !CancellationToken.IsCancellationRequested)
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
        catch (Exception ex) when (ex is not OperationCanceledException || !CancellationToken.IsCancellationRequested)
        {
            Fault(parent, ex);
        }
    }

    private ActivityContext? CreateContext(ActivityExecutionState execution)
    {
        var node = NodeOf(execution);
        var descriptor = node is null ? null : _registry.Find(node.Type, node.Version);
        return node is null || descriptor is null ? null : new ActivityContext(this, execution, node, descriptor, descriptor.Create());
    }

    /// <summary>Sets the activity's [Input] properties from its node: wrapped inputs are evaluated, plain JSON converted.</summary>
    private async Task SetInputsAsync(ActivityContext context)
    {
        var state = new JsonObject();
        foreach (var input in context.Descriptor.Inputs.Where(i => i.Property is not null && !i.EvaluatedByActivity))
        {
            var json = context.Node.Property(input.Name);
            if (json is null)
            {
                continue;
            }

            object? value;
            JsonNode? evaluated;
            if (input.IsWrapped && json is JsonObject wrapped && wrapped.ContainsKey("expression"))
            {
                if (wrapped["expression"] is not JsonObject expression)
                {
                    continue;
                }

                evaluated = await Evaluators.EvaluateAsync(expression["type"]?.ToString() ?? "Literal", expression["value"], input.Type, context, null, CancellationToken);
                value = ValueConverter.ConvertTo(evaluated, input.Type);
            }
            else
            {
                evaluated = json;
                value = ValueConverter.ConvertTo(json, input.Type);
            }

            if (value is not null || Nullable.GetUnderlyingType(input.Type) is not null || !input.Type.IsValueType)
            {
                input.Property!.SetValue(context.Activity, value);
            }

            if (!input.IsSensitive)
            {
                state[input.Name] = ValueConverter.ToNode(value) ?? evaluated?.DeepClone();
            }
        }

        context.Execution.ActivityState = state;
    }

    /// <summary>Records [Output] values, writes bound variables and workflow outputs (ELSA-SEMANTICS.md §5 "Output binding").</summary>
    private void CaptureOutputs(ActivityContext context)
    {
        // Synthetic outputs (a workflow used as an activity) have no property: the activity records them itself.
        if (!context.Descriptor.Outputs.Any(o => o.Property is not null))
        {
            return;
        }

        var outputs = new JsonObject();
        foreach (var output in context.Descriptor.Outputs.Where(o => o.Property is not null))
        {
            outputs[output.Name] = ValueConverter.ToNode(output.Property!.GetValue(context.Activity));
        }

        RecordOutputs(context, outputs);
    }

    public void RecordOutputs(ActivityContext context, JsonObject outputs)
    {
        foreach (var (name, value) in outputs)
        {
            if (context.Node.Property(name) is JsonObject binding && binding["memoryReference"]?["id"]?.ToString() is { } target)
            {
                if (TryFindVariableById(context.Execution, target, out var owner, out var definition))
                {
                    owner.Variables[definition.Id] = Coerce(value?.DeepClone(), definition);
                }

                if ((DefinitionOf(context.Execution) ?? Definition).Outputs.Any(o => o.Name == target))
                {
                    // A workflow used as an activity binds its own outputs in the workflow around it.
                    var scope = context.Execution.Properties[CompositeOutputsKey] is JsonObject && context.Execution.ParentId is { } parentId
                        ? _executions[parentId]
                        : context.Execution;
                    SetWorkflowOutput(scope, target, value);
                }
            }
        }

        context.Execution.Outputs = (JsonObject)outputs.DeepClone();
        State.ActivityOutputs[context.Node.Id] = outputs.DeepClone();
        if (outputs.ContainsKey("Result"))
        {
            State.LastResultActivityId = context.Node.Id;
        }
    }

    public Bookmark CreateBookmark(ActivityContext context, string name, JsonObject? payload, bool includeActivityInstanceId,
        DateTimeOffset? resumeAt, string? callback)
    {
        var bookmark = new Bookmark(NewId(), name, BookmarkHasher.Hash(name, payload, includeActivityInstanceId ? context.Execution.Id : null),
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

    /// <summary>An activity threw: journal, incident, fault counts, then the incident strategy (default: the instance faults).</summary>
    private void Fault(ActivityExecutionState execution, Exception exception)
    {
        var message = exception.Message;
        execution.Status = ActivityStatus.Faulted;
        execution.Exception = ExceptionState.From(exception);
        Write(execution, "Faulted", message);
        State.Incidents.Add(new Incident(NewId(), execution.ActivityId, execution.NodeId, execution.ActivityType, execution.Id,
            message, execution.Exception, Time.GetUtcNow()));
        for (var current = execution; current is not null; current = current.ParentId is { } p ? _executions.GetValueOrDefault(p) : null)
        {
            current.AggregateFaultCount++;
            Touch(current);
        }

        var strategy = Definition.Options["incidentStrategyType"]?.ToString();
        if (strategy is null || !strategy.Contains("Continue", StringComparison.OrdinalIgnoreCase))
        {
            MarkFinished(WorkflowSubStatus.Faulted);
        }
    }

    private void MarkFinished(WorkflowSubStatus subStatus)
    {
        if (IsFinished)
        {
            return;
        }

        State.Status = WorkflowStatus.Finished;
        State.SubStatus = subStatus;
        State.FinishedAt = Time.GetUtcNow();
    }

    /// <summary>
    /// Status after the burst (ELSA-SEMANTICS.md §1.5), then drops finished executions and the values of
    /// variables without a storage driver, which therefore come back as their defaults after a resume.
    /// </summary>
    private void EndBurst()
    {
        if (!IsFinished)
        {
            if (State.Executions.All(e => e.Status is ActivityStatus.Completed or ActivityStatus.Canceled))
            {
                MarkFinished(WorkflowSubStatus.Finished);
            }
            else
            {
                State.SubStatus = WorkflowSubStatus.Suspended;
            }
        }

        State.UpdatedAt = Time.GetUtcNow();
        State.Executions.RemoveAll(e => e.Status is ActivityStatus.Completed or ActivityStatus.Canceled);
        foreach (var execution in State.Executions)
        {
            foreach (var variable in DeclaredVariables(execution).Where(v => !v.IsPersistent))
            {
                execution.Variables.Remove(variable.Id);
            }
        }
    }

    public void Retry(ActivityExecutionState execution)
    {
        execution.Status = ActivityStatus.Pending;
        execution.Exception = null;
        Touch(execution);
        _queue.Enqueue(new WorkItem(execution.Id));
    }

    // ---- variables -------------------------------------------------------------------------------------------

    private IReadOnlyList<VariableDefinition> DeclaredVariables(ActivityExecutionState execution) =>
        NodeOf(execution)?.Variables ?? [];

    private IEnumerable<ActivityExecutionState> ScopeChain(ActivityExecutionState execution)
    {
        for (ActivityExecutionState? current = execution; current is not null;
             current = current.ParentId is { } parent ? _executions.GetValueOrDefault(parent) : null)
        {
            yield return current;
        }
    }

    public IEnumerable<ActivityExecutionState> AncestorsOf(ActivityExecutionState execution) => ScopeChain(execution).Skip(1);

    public bool TryGetVariable(ActivityExecutionState from, string nameOrId, out JsonNode? value)
    {
        foreach (var execution in ScopeChain(from))
        {
            var declared = DeclaredVariables(execution).FirstOrDefault(v => v.Name == nameOrId || v.Id == nameOrId);
            if (declared is not null)
            {
                value = execution.Variables.TryGetValue(declared.Id, out var stored) ? stored : DefaultValue(declared);
                return true;
            }

            if (execution.Variables.TryGetValue(nameOrId, out var dynamic))
            {
                value = dynamic;
                return true;
            }
        }

        value = null;
        return false;
    }

    public void SetVariable(ActivityExecutionState from, string nameOrId, JsonNode? value)
    {
        foreach (var execution in ScopeChain(from))
        {
            var declared = DeclaredVariables(execution).FirstOrDefault(v => v.Name == nameOrId || v.Id == nameOrId);
            if (declared is not null)
            {
                execution.Variables[declared.Id] = Coerce(value, declared);
                Touch(execution);
                return;
            }

            if (execution.Variables.ContainsKey(nameOrId))
            {
                execution.Variables[nameOrId] = value;
                Touch(execution);
                return;
            }
        }

        // Unknown name (JavaScript setVariable): created in the nearest container, kept with the instance.
        var container = ScopeChain(from).FirstOrDefault(e => NodeOf(e)?.Type is "Elsa.Flowchart" or "Elsa.Sequence" or WorkflowDefinition.WorkflowType)
            ?? ScopeChain(from).Last();
        container.Variables[nameOrId] = value;
        Touch(container);
    }

    public bool TryFindVariableById(ActivityExecutionState from, string id, out ActivityExecutionState owner, out VariableDefinition definition)
    {
        foreach (var execution in ScopeChain(from))
        {
            var declared = DeclaredVariables(execution).FirstOrDefault(v => v.Id == id);
            if (declared is not null)
            {
                owner = execution;
                definition = declared;
                return true;
            }
        }

        owner = null!;
        definition = null!;
        return false;
    }

    public IReadOnlyList<KeyValuePair<string, JsonNode?>> VisibleVariables(ActivityExecutionState from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<KeyValuePair<string, JsonNode?>>();
        foreach (var execution in ScopeChain(from))
        {
            foreach (var declared in DeclaredVariables(execution).Where(v => seen.Add(v.Name)))
            {
                result.Add(new(declared.Name, execution.Variables.TryGetValue(declared.Id, out var v) ? v : DefaultValue(declared)));
            }

            foreach (var (name, value) in execution.Variables.Where(v => DeclaredVariables(execution).All(d => d.Id != v.Key) && seen.Add(v.Key)))
            {
                result.Add(new(name, value));
            }
        }

        return result;
    }

    /// <summary>Inside a workflow used as an activity, its inputs come first; then the instance input (ELSA-SEMANTICS.md §4).</summary>
    public JsonNode? GetInput(ActivityExecutionState from, string name)
    {
        foreach (var execution in ScopeChain(from))
        {
            if (execution.Properties[CompositeInputsKey] is JsonObject inputs
                && inputs.FirstOrDefault(i => string.Equals(i.Key, name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } input)
            {
                return input.Value?.DeepClone();
            }
        }

        return State.Input.FirstOrDefault(i => string.Equals(i.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.DeepClone();
    }

    public const string CompositeInputsKey = "compositeInputs";
    public const string CompositeOutputsKey = "compositeOutputs";

    /// <summary>SetOutput and output bindings inside a workflow used as an activity write its outputs, else the instance's.</summary>
    public void SetWorkflowOutput(ActivityExecutionState from, string name, JsonNode? value)
    {
        var composite = ScopeChain(from).FirstOrDefault(e => e.Properties[CompositeOutputsKey] is JsonObject);
        if (composite is not null)
        {
            composite.Properties[CompositeOutputsKey]![name] = value?.DeepClone();
            Touch(composite);
            return;
        }

        State.Output[name] = value?.DeepClone();
    }

    /// <summary>An activity's recorded output, looked up in the definition the caller runs in first (a workflow used as an activity), then the instance's.</summary>
    public JsonNode? GetOutputFrom(ActivityExecutionState from, string activityIdOrName, string? outputName)
    {
        var node = new[] { DefinitionOf(from), Definition }.OfType<WorkflowDefinition>()
            .Select(d => d.FindById(activityIdOrName) ?? d.Nodes.FirstOrDefault(n => n.Name == activityIdOrName))
            .FirstOrDefault(n => n is not null);
        if (node is null || State.ActivityOutputs[node.Id] is not JsonObject outputs)
        {
            return null;
        }

        return (outputName is null ? outputs["Result"] ?? outputs.FirstOrDefault().Value : outputs[outputName])?.DeepClone();
    }

    private static JsonNode? DefaultValue(VariableDefinition variable) =>
        string.IsNullOrWhiteSpace(variable.Value) ? null : Coerce(JsonValue.Create(variable.Value), variable);

    /// <summary>Stores a variable's value converted to its declared type, as Elsa does on write.</summary>
    private static JsonNode? Coerce(JsonNode? value, VariableDefinition variable)
    {
        var type = TypeAliases.Resolve(variable.TypeName, variable.IsArray);
        return type is null || type == typeof(object) ? value : ValueConverter.ToNode(ValueConverter.ConvertTo(value, type));
    }

    private void MergeInput(JsonObject? input)
    {
        foreach (var (key, value) in input ?? [])
        {
            State.Input[key] = value?.DeepClone();
        }
    }

    // ---- journal ---------------------------------------------------------------------------------------------

    private void Write(ActivityExecutionState execution, string eventName, string? message = null, JsonNode? payload = null)
    {
        var node = NodeOf(execution);
        Journal.Add(new JournalEntry(NewId(), State.Id, execution.Id, execution.ParentId, execution.ActivityId, execution.ActivityType,
            execution.ActivityTypeVersion, execution.ActivityName, execution.NodeId, Time.GetUtcNow(), ++State.JournalSequence,
            eventName, message, node?.CustomProperties["source"]?.ToString(), payload));
    }

    private void Touch(ActivityExecutionState execution) => Touched[execution.Id] = execution;

    private static string NewId() => Guid.NewGuid().ToString("N")[..16];
}
