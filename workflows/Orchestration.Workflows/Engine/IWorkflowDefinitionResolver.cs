using Orchestration.Workflows.Model;

namespace Orchestration.Workflows.Engine;

/// <summary>Finds the published version of a definition, for activities that run other workflows.</summary>
public interface IWorkflowDefinitionResolver
{
    ValueTask<WorkflowDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken);
}
