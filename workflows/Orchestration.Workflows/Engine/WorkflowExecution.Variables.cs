using System.Text.Json.Nodes;
using Orchestration.Workflows.Model;
using Orchestration.Workflows.State;
using Orchestration.Workflows.Values;

namespace Orchestration.Workflows.Engine;

/// <summary>Variable scope (ELSA-SEMANTICS.md §5): the chain of executions, declared and dynamic variables, conversion on write.</summary>
internal sealed partial class WorkflowExecution
{
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

    private static JsonNode? DefaultValue(VariableDefinition variable) =>
        string.IsNullOrWhiteSpace(variable.Value) ? null : Coerce(JsonValue.Create(variable.Value), variable);

    /// <summary>Stores a variable's value converted to its declared type, as Elsa does on write.</summary>
    private static JsonNode? Coerce(JsonNode? value, VariableDefinition variable)
    {
        var type = TypeAliases.Resolve(variable.TypeName, variable.IsArray);
        return type is null || type == typeof(object) ? value : ValueConverter.ToNode(ValueConverter.ConvertTo(value, type));
    }
}
