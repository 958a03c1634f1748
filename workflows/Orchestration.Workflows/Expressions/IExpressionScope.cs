using System.Text.Json.Nodes;
using Orchestration.Workflows.Model;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Expressions;

/// <summary>What an expression can see: the variables in scope of the running activity, inputs, earlier outputs, the instance.</summary>
public interface IExpressionScope
{
    WorkflowState Workflow { get; }

    WorkflowDefinition Definition { get; }

    /// <summary>
    /// The definition the running activity belongs to: inside a workflow used as an activity that workflow's own,
    /// so that its inputs give the get&lt;Input&gt;() accessors (ELSA-SEMANTICS.md §6.1); else <see cref="Definition"/>.
    /// </summary>
    WorkflowDefinition EnclosingDefinition => Definition;

    /// <summary>The nearest variable of that name (or id) in scope.</summary>
    bool TryGetVariable(string name, out JsonNode? value);

    /// <summary>Sets the nearest variable of that name; an unknown name is created in the nearest container.</summary>
    void SetVariable(string name, JsonNode? value);

    /// <summary>Every variable in scope by name, nearest first.</summary>
    IReadOnlyList<KeyValuePair<string, JsonNode?>> VisibleVariables();

    /// <summary>A composite's input first (when inside a workflow used as an activity), then the instance input.</summary>
    JsonNode? GetInput(string name);

    JsonNode? GetOutputFrom(string activityIdOrName, string? outputName);

    JsonNode? LastResult { get; }
}
