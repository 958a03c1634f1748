using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Orchestration.Workflows.Persistence;
using Orchestration.Workflows.Persistence.Entities;

namespace Orchestration.Workflows.Api.Endpoints;

/// <summary>
/// The activity executions the instance viewer shows (ELSA-API.md §3.4, §6.4): canvas badges (report), the records
/// of a selected activity with their evaluated inputs and outputs, one record, and its call stack.
/// </summary>
internal static class ActivityExecutionsApi
{
    public sealed record ReportRequest(string? WorkflowInstanceId, string[]? ActivityNodeIds);

    public static void MapActivityExecutions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/activity-executions").WithTags("Activity executions");
        group.MapPost("/report", Report).WithSummary("Per activity: started, completed and uncompleted counts, blocked and faulted.");
        group.MapGet("/list", List).WithSummary("The executions of one activity (or every activity) of an instance.");
        group.MapGet("/by-id", ById).WithSummary("One execution with its evaluated inputs, outputs and exception.");
        group.MapGet("/{id}/call-stack", CallStack).WithSummary("The execution and the executions that scheduled it, innermost first.");
        api.MapGet("/activity-execution-summaries/list", Summaries).WithTags("Activity executions")
            .WithSummary("The executions of one activity of an instance, without inputs and outputs.");
        api.MapGet("/resilience/retries/{activityInstanceId}", (string activityInstanceId) =>
                TypedResults.Ok(new JsonObject { ["items"] = new JsonArray(), ["totalCount"] = 0 }))
            .WithTags("Activity executions").WithSummary("Retry attempts of an execution (none: the engine does not retry activities by itself).");
    }

    /// <summary>A 403 when the instance exists and runs a case <paramref name="user"/> may not read; an unknown instance simply has no executions.</summary>
    private static async Task<ProblemHttpResult?> RefusalAsync(string? workflowInstanceId, ClaimsPrincipal user, WorkflowsDbContext db,
        CancellationToken cancellationToken) =>
        workflowInstanceId is not null
        && await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == workflowInstanceId, cancellationToken) is { } instance
            ? InstanceScope.Check(user, instance)
            : null;

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Report(ReportRequest request, ClaimsPrincipal user, WorkflowsDbContext db,
        CancellationToken cancellationToken)
    {
        if (await RefusalAsync(request.WorkflowInstanceId, user, db, cancellationToken) is { } refused)
        {
            return refused;
        }

        var nodeIds = request.ActivityNodeIds ?? [];
        var records = await db.ActivityExecutions.AsNoTracking()
            .Where(a => a.WorkflowInstanceId == request.WorkflowInstanceId && nodeIds.Contains(a.ActivityNodeId))
            .ToListAsync(cancellationToken);
        var stats = records.GroupBy(a => a.ActivityNodeId).Select(g =>
        {
            var completed = g.Count(a => a.CompletedAt is not null);
            return (JsonNode?)new JsonObject
            {
                ["activityId"] = g.First().ActivityId,
                ["activityNodeId"] = g.Key,
                ["startedCount"] = g.Count(),
                ["completedCount"] = completed,
                ["uncompletedCount"] = g.Count() - completed,
                ["isBlocked"] = g.Any(a => a.CompletedAt is null && a.HasBookmarks),
                ["isFaulted"] = g.Any(a => a.Status == "Faulted" || a.AggregateFaultCount > 0),
                ["metadata"] = new JsonObject(),
            };
        });
        return TypedResults.Ok(new JsonObject { ["stats"] = new JsonArray(stats.ToArray()) });
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> List(string? workflowInstanceId, string? activityNodeId, bool? completed,
        ClaimsPrincipal user, WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(workflowInstanceId, user, db, cancellationToken) is { } refused)
        {
            return refused;
        }

        var records = await Query(db, workflowInstanceId, activityNodeId, completed).ToListAsync(cancellationToken);
        return TypedResults.Ok(ItemList(records.Select(Record)));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Summaries(string? workflowInstanceId, string? activityNodeId, bool? completed,
        ClaimsPrincipal user, WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(workflowInstanceId, user, db, cancellationToken) is { } refused)
        {
            return refused;
        }

        var records = await Query(db, workflowInstanceId, activityNodeId, completed).ToListAsync(cancellationToken);
        return TypedResults.Ok(ItemList(records.Select(Summary)));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ById(string? id, ClaimsPrincipal user, WorkflowsDbContext db,
        CancellationToken cancellationToken)
    {
        if (await db.ActivityExecutions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } record)
        {
            return ElsaProblems.NotFound($"There is no activity execution '{id}'.");
        }

        return await RefusalAsync(record.WorkflowInstanceId, user, db, cancellationToken) is { } refused ? refused : TypedResults.Ok(Record(record));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> CallStack(string id, int? skip, int? take, ClaimsPrincipal user,
        WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        var stack = new List<ActivityExecutionRecord>();
        for (var next = id; next is not null && stack.Count < 100;)
        {
            var record = await db.ActivityExecutions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == next, cancellationToken);
            if (record is null)
            {
                break;
            }

            stack.Add(record);
            next = record.SchedulingActivityExecutionId;
        }

        if (stack.Count == 0)
        {
            return ElsaProblems.NotFound($"There is no activity execution '{id}'.");
        }

        if (await RefusalAsync(stack[0].WorkflowInstanceId, user, db, cancellationToken) is { } refused)
        {
            return refused;
        }

        var page = stack.Skip(Math.Max(skip ?? 0, 0)).Take(Math.Clamp(take ?? 100, 1, 100));
        return TypedResults.Ok(new JsonObject
        {
            ["activityExecutionId"] = id,
            ["items"] = new JsonArray(page.Select(r => (JsonNode?)Record(r)).ToArray()),
            ["totalCount"] = stack.Count,
        });
    }

    private static IQueryable<ActivityExecutionRecord> Query(WorkflowsDbContext db, string? workflowInstanceId, string? activityNodeId, bool? completed)
    {
        var query = db.ActivityExecutions.AsNoTracking().Where(a => a.WorkflowInstanceId == workflowInstanceId);
        if (!string.IsNullOrEmpty(activityNodeId))
        {
            query = query.Where(a => a.ActivityNodeId == activityNodeId);
        }

        if (completed is { } done)
        {
            query = done ? query.Where(a => a.CompletedAt != null) : query.Where(a => a.CompletedAt == null);
        }

        return query.OrderBy(a => a.StartedAt).ThenBy(a => a.Id);
    }

    public static JsonObject Record(ActivityExecutionRecord record)
    {
        var data = JsonNode.Parse(record.Data)?.AsObject() ?? [];
        var summary = Summary(record);
        summary["activityState"] = data["activityState"]?.DeepClone();
        summary["payload"] = data["payload"]?.DeepClone();
        summary["outputs"] = data["outputs"]?.DeepClone();
        summary["properties"] = data["properties"]?.DeepClone();
        summary["exception"] = StackTraces.Strip(data["exception"]?.DeepClone());
        summary["aggregateFaultCount"] = record.AggregateFaultCount;
        summary["schedulingActivityExecutionId"] = record.SchedulingActivityExecutionId;
        summary["schedulingActivityId"] = null;
        summary["schedulingWorkflowInstanceId"] = null;
        summary["callStackDepth"] = null;
        return summary;
    }

    private static JsonObject Summary(ActivityExecutionRecord record) => new()
    {
        ["id"] = record.Id,
        ["workflowInstanceId"] = record.WorkflowInstanceId,
        ["activityId"] = record.ActivityId,
        ["activityNodeId"] = record.ActivityNodeId,
        ["activityType"] = record.ActivityType,
        ["activityTypeVersion"] = record.ActivityTypeVersion,
        ["activityName"] = record.ActivityName,
        ["startedAt"] = record.StartedAt.ToString("O"),
        ["hasBookmarks"] = record.HasBookmarks,
        ["metadata"] = new JsonObject(),
        ["status"] = record.Status,
        ["completedAt"] = record.CompletedAt?.ToString("O"),
    };

    private static JsonObject ItemList(IEnumerable<JsonObject> items)
    {
        var array = new JsonArray(items.Select(i => (JsonNode?)i).ToArray());
        return new JsonObject { ["items"] = array, ["count"] = array.Count };
    }
}
