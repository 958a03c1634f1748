using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Security;
using Orchestration.Workflows.Persistence;
using Orchestration.Workflows.Persistence.Runtime;

namespace Orchestration.Workflows.Api.Endpoints;

/// <summary>
/// Elsa's event stimulus (ELSA-API.md §3.5a) and resuming one bookmark by id. An event named after a contract
/// (RouteDecided, ConsentRecorded, …) is a fact only its owning service states, over the bus: through HTTP only an
/// Admin may raise it, to repair a stuck case, and each such call is audited. Anyone else gets 403, so what the
/// services recorded and what the workflows acted on never part.
/// </summary>
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
        ClaimsPrincipal user, WorkflowRuntime runtime, ProtectedEventNames protectedEvents, WorkflowsDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(eventName))
        {
            return ElsaProblems.BadRequest("An event name is required.");
        }

        if (protectedEvents.Contains(eventName))
        {
            if (!user.IsInRole(Roles.Admin))
            {
                return ContractEventRefused($"'{eventName}'");
            }

            await AuditRepairAsync(user, eventName, request?.CorrelationId ?? request?.WorkflowInstanceId, db, time, cancellationToken);
        }

        var results = await runtime.TriggerEventAsync(eventName, request?.CorrelationId, request?.WorkflowInstanceId, request?.Input, cancellationToken);
        return TypedResults.Ok(new JsonObject
        {
            ["resumed"] = new JsonArray(results.Select(r => (JsonNode?)InstanceModels.Summary(r.State)).ToArray()),
            ["count"] = results.Count,
        });
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Resume(string bookmarkId, [FromBody] ResumeRequest? request,
        ClaimsPrincipal user, WorkflowRuntime runtime, ProtectedEventNames protectedEvents, WorkflowsDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        // Resuming a bookmark that waits on a contract event states that event as surely as triggering it by name.
        var bookmark = await db.Bookmarks.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookmarkId, cancellationToken);
        if (bookmark is not null && protectedEvents.IsBookmarkHash(bookmark.Hash))
        {
            if (!user.IsInRole(Roles.Admin))
            {
                return ContractEventRefused("The event this bookmark waits on");
            }

            await AuditRepairAsync(user, "bookmark", bookmark.WorkflowInstanceId, db, time, cancellationToken);
        }

        return await runtime.ResumeAsync(bookmarkId, request?.Input, cancellationToken) is { } result
            ? TypedResults.Ok(InstanceModels.Instance(result.State))
            : ElsaProblems.NotFound($"Bookmark '{bookmarkId}' does not exist or was already resumed.");
    }

    private static ProblemHttpResult ContractEventRefused(string theEvent) =>
        TypedResults.Problem(
            $"{theEvent} is a fact only the service that owns it may state: record the step in that service, which tells the workflows. Admins may raise it here to repair a case.",
            statusCode: StatusCodes.Status403Forbidden, title: "A service's event");

    /// <summary>Saved before the event runs, so the repair is on record even if the workflow then fails.</summary>
    private static async Task AuditRepairAsync(ClaimsPrincipal user, string eventName, string? target, WorkflowsDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        db.Audit(user, AuditAction.EventRaised, $"WorkflowEvent:{eventName}", target ?? "*", district: null, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
