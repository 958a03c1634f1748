using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>/health/ready: Degraded while any instance is stuck (see <see cref="WorkflowRuntime.StuckInstancesAsync"/>), with their count.</summary>
public sealed class StuckInstancesHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public const string Name = "workflows-stuck-instances";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var count = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().CountStuckInstancesAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["stuckInstances"] = count };
        return count == 0
            ? HealthCheckResult.Healthy("No stuck workflow instances.", data)
            : HealthCheckResult.Degraded($"{count} workflow instance(s) wait with no live bookmark, kept stimulus or follow-up: GET /elsa/api/runtime/stuck lists them.", data: data);
    }
}
