using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orchestration.ServiceDefaults.Security;
using Orchestration.Workflows.Persistence.Runtime;

namespace Orchestration.Workflows.Api.Endpoints;

/// <summary>Our own runtime routes (not Elsa's): what the runtime gave up on, for an operator to look at.</summary>
internal static class RuntimeApi
{
    public static void MapRuntime(this RouteGroupBuilder api)
    {
        api.MapGet("/runtime/dead", Dead).WithTags("Runtime").RequireAuthorization(Policies.DesignWorkflows)
            .WithSummary("Timers and follow-ups that failed too often and are no longer tried (ids, attempts, last error).");
        api.MapGet("/runtime/stuck", Stuck).WithTags("Runtime").RequireAuthorization(Policies.DesignWorkflows)
            .WithSummary("Instances that wait with no live bookmark, kept stimulus or follow-up: nothing will ever move them on (oldest first, at most 500).");
    }

    private static async Task<Ok<JsonObject>> Stuck(WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var stuck = await runtime.StuckInstancesAsync(500, cancellationToken);
        return TypedResults.Ok(new JsonObject
        {
            ["count"] = await runtime.CountStuckInstancesAsync(cancellationToken),
            ["items"] = new JsonArray(stuck.Select(i => (JsonNode?)new JsonObject
            {
                ["id"] = i.Id,
                ["definitionId"] = i.DefinitionId,
                ["version"] = i.Version,
                ["subStatus"] = i.SubStatus,
                ["correlationId"] = i.CorrelationId,
                ["updatedAt"] = i.UpdatedAt,
                ["incidentCount"] = i.IncidentCount,
            }).ToArray()),
        });
    }

    private static async Task<Ok<JsonObject>> Dead(WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var (timers, followUps) = await runtime.DeadAsync(cancellationToken);
        return TypedResults.Ok(new JsonObject
        {
            ["timers"] = new JsonArray(timers.Select(t => (JsonNode?)new JsonObject
            {
                ["bookmarkId"] = t.Id,
                ["workflowInstanceId"] = t.WorkflowInstanceId,
                ["name"] = t.Name,
                ["attempts"] = t.TimerAttempts,
                ["lastError"] = t.LastError,
            }).ToArray()),
            ["followUps"] = new JsonArray(followUps.Select(f => (JsonNode?)new JsonObject
            {
                ["id"] = f.Id,
                ["kind"] = f.Kind,
                ["sourceInstanceId"] = f.SourceInstanceId,
                ["attempts"] = f.Attempts,
                ["createdAt"] = f.CreatedAt,
                ["lastError"] = f.LastError,
            }).ToArray()),
        });
    }
}
