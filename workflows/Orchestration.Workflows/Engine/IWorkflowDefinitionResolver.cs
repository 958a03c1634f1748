using Orchestration.Workflows.Model;

namespace Orchestration.Workflows.Engine;

/// <summary>Finds the published version of a definition, for activities that run other workflows.</summary>
public interface IWorkflowDefinitionResolver
{
    ValueTask<WorkflowDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken);

    /// <summary>A version by its id, else the published version, else the latest (Elsa's rule for workflow activities).</summary>
    ValueTask<WorkflowDefinition?> FindVersionAsync(string definitionId, string? versionId, CancellationToken cancellationToken);
}
