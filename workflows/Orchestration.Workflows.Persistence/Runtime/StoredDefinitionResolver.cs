using Microsoft.Extensions.DependencyInjection;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Model;
using Orchestration.Workflows.Persistence.Definitions;
using Orchestration.Workflows.Persistence.Entities;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// Published definitions from the store, for ExecuteWorkflow and DispatchWorkflow (the engine itself is storage-free).
/// A store that cannot be read (the database restarting, say) is the host's failure, not the workflow's: it is
/// raised as <see cref="WorkflowInfrastructureException"/>, so the burst is abandoned and retried instead of
/// faulting the instance. A definition that does not exist is still answered with null.
/// </summary>
public sealed class StoredDefinitionResolver(IServiceScopeFactory scopes) : IWorkflowDefinitionResolver
{
    public ValueTask<WorkflowDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken) =>
        ReadAsync(definitionId, definitions => definitions.FindAsync(definitionId, VersionOptions.Published, cancellationToken), cancellationToken);

    public ValueTask<WorkflowDefinition?> FindVersionAsync(string definitionId, string? versionId, CancellationToken cancellationToken) =>
        ReadAsync(definitionId, async definitions =>
            (versionId is null ? null : await definitions.FindByIdAsync(versionId, cancellationToken))
            ?? await definitions.FindAsync(definitionId, VersionOptions.Published, cancellationToken)
            ?? await definitions.FindAsync(definitionId, VersionOptions.Latest, cancellationToken), cancellationToken);

    private async ValueTask<WorkflowDefinition?> ReadAsync(string definitionId,
        Func<WorkflowDefinitionService, Task<WorkflowDefinitionRecord?>> find, CancellationToken cancellationToken)
    {
        WorkflowDefinitionRecord? record;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            record = await find(scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>());
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new WorkflowInfrastructureException($"The definition store could not be read for workflow '{definitionId}'.", ex);
        }

        return record is null ? null : WorkflowDefinitionService.Load(record);
    }
}
