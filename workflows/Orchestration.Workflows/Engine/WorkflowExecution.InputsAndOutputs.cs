using System.Text.Json.Nodes;
using Orchestration.Workflows.Activities;
using Orchestration.Workflows.Model;
using Orchestration.Workflows.State;
using Orchestration.Workflows.Values;

namespace Orchestration.Workflows.Engine;

/// <summary>Inputs evaluated into activities, workflow and composite inputs, and output binding (ELSA-SEMANTICS.md §5 "Output binding").</summary>
internal sealed partial class WorkflowExecution
{
    public JsonNode? LastResult =>
        State.LastResultActivityId is { } id && State.ActivityOutputs[id] is JsonObject outputs ? outputs["Result"]?.DeepClone() : null;

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

    private void MergeInput(JsonObject? input)
    {
        foreach (var (key, value) in input ?? [])
        {
            State.Input[key] = value?.DeepClone();
        }
    }
}
