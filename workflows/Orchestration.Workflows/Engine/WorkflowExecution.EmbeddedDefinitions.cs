using Orchestration.Workflows.Model;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Engine;

/// <summary>Definitions of workflows used as activities that this instance runs, and the node each execution runs.</summary>
internal sealed partial class WorkflowExecution
{
    /// <summary>Definitions of workflows embedded as activities, by version id.</summary>
    private readonly Dictionary<string, WorkflowDefinition> _embedded = new(StringComparer.Ordinal);

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
}
