using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Orchestration.ServiceDefaults.Security;
using Orchestration.Workflows.Persistence.Runtime;

namespace Orchestration.Workflows.Api.Endpoints;

/// <summary>Elsa's event stimulus (ELSA-API.md §3.5a) and resuming one bookmark by id.</summary>
internal static class EventsApi
{
    public sealed record TriggerRequest(string? WorkflowInstanceId, string? CorrelationId, JsonObject? Input);

    public sealed record ResumeRequest(JsonObject? Input);

    public static void MapEvents(this RouteGroupBuilder api)
    {
        api.MapPost("/events/{eventName}/trigger", Trigger).WithTags("Events").RequireAuthorization(Policies.DesignWorkflows)
            .WithSummary("Resumes every instance waiting on this event (narrowed by instance or correlation id); runs before answering.");
        api.MapPost("/bookmarks/{bookmarkId}/resume", Resume).WithTags("Events").RequireAuthorization(Policies.DesignWorkflows)
            .WithSummary("Resumes exactly one bookmark; 404 when it was already resumed.");
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Trigger(string eventName, [FromBody] TriggerRequest? request,
        WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(eventName))
        {
            return ElsaProblems.BadRequest("An event name is required.");
        }

        var results = await runtime.TriggerEventAsync(eventName, request?.CorrelationId, request?.WorkflowInstanceId, request?.Input, cancellationToken);
        return TypedResults.Ok(new JsonObject
        {
            ["resumed"] = new JsonArray(results.Select(r => (JsonNode?)InstanceModels.Summary(r.State)).ToArray()),
            ["count"] = results.Count,
        });
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Resume(string bookmarkId, [FromBody] ResumeRequest? request,
        WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        await runtime.ResumeAsync(bookmarkId, request?.Input, cancellationToken) is { } result
            ? TypedResults.Ok(InstanceModels.Instance(result.State))
            : ElsaProblems.NotFound($"Bookmark '{bookmarkId}' does not exist or was already resumed.");
}
