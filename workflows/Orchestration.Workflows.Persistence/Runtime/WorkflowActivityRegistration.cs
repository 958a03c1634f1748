using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestration.Workflows.Persistence.Definitions;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>At start (after migrations), registers the published workflows that are usable as activities and indexes triggers not yet in the trigger table.</summary>
public sealed class WorkflowActivityRegistration(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>();
        await definitions.RegisterWorkflowActivitiesAsync(cancellationToken);
        await definitions.IndexMissingTriggersAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
