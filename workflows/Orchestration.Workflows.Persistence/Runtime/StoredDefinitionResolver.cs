using Microsoft.Extensions.DependencyInjection;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Model;
using Orchestration.Workflows.Persistence.Definitions;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>Published definitions from the store, for ExecuteWorkflow and DispatchWorkflow (the engine itself is storage-free).</summary>
public sealed class StoredDefinitionResolver(IServiceScopeFactory scopes) : IWorkflowDefinitionResolver
{
    public async ValueTask<WorkflowDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var record = await scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>()
            .FindAsync(definitionId, VersionOptions.Published, cancellationToken);
        return record is null ? null : WorkflowDefinitionService.Load(record);
    }

    public async ValueTask<WorkflowDefinition?> FindVersionAsync(string definitionId, string? versionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>();
        var record = (versionId is null ? null : await definitions.FindByIdAsync(versionId, cancellationToken))
            ?? await definitions.FindAsync(definitionId, VersionOptions.Published, cancellationToken)
            ?? await definitions.FindAsync(definitionId, VersionOptions.Latest, cancellationToken);
        return record is null ? null : WorkflowDefinitionService.Load(record);
    }
}
