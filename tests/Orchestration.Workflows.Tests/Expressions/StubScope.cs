using System.Text.Json.Nodes;
using Orchestration.Workflows.Expressions;
using Orchestration.Workflows.Model;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Tests.Expressions;

/// <summary>A scope with plain variables, for evaluating expressions outside a running workflow.</summary>
internal sealed class StubScope(WorkflowDefinition definition) : IExpressionScope
{
    private readonly Dictionary<string, JsonNode?> _variables = new(StringComparer.Ordinal);

    public WorkflowState Workflow { get; } = new() { Id = "instance-1", DefinitionId = definition.DefinitionId, DefinitionVersionId = definition.Id };

    public WorkflowDefinition Definition => definition;

    public JsonNode? LastResult => null;

    public bool TryGetVariable(string name, out JsonNode? value) => _variables.TryGetValue(name, out value);

    public void SetVariable(string name, JsonNode? value) => _variables[name] = value;

    public IReadOnlyList<KeyValuePair<string, JsonNode?>> VisibleVariables() => [.. _variables];

    public JsonNode? GetInput(string name) => Workflow.Input[name];

    public JsonNode? GetOutputFrom(string activityIdOrName, string? outputName) => null;
}
