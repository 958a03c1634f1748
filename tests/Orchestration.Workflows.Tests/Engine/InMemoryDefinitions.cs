using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Model;

namespace Orchestration.Workflows.Tests.Engine;

/// <summary>Published definitions by definition id, for workflows that run other workflows in engine tests.</summary>
internal sealed class InMemoryDefinitions(params WorkflowDefinition[] definitions) : IWorkflowDefinitionResolver
{
    public ValueTask<WorkflowDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(definitions.FirstOrDefault(d => d.DefinitionId == definitionId));

    public ValueTask<WorkflowDefinition?> FindVersionAsync(string definitionId, string? versionId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(definitions.FirstOrDefault(d => d.DefinitionId == definitionId && (versionId is null || d.Id == versionId))
            ?? definitions.FirstOrDefault(d => d.DefinitionId == definitionId));
}
