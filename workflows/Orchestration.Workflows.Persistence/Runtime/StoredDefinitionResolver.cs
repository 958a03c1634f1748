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
}
