using System.Linq.Expressions;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Orchestration.ServiceDefaults.Security;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Persistence;
using Orchestration.Workflows.Persistence.Definitions;
using Orchestration.Workflows.Persistence.Entities;
using Orchestration.Workflows.Persistence.Runtime;

namespace Orchestration.Workflows.Api.Endpoints;

/// <summary>Elsa's workflow-instance routes (ELSA-API.md §3.3) plus retry of faulted activities.</summary>
internal static class WorkflowInstancesApi
{
    public sealed record ListRequest(int? Page, int? PageSize, string? SearchTerm, string? DefinitionId, string[]? DefinitionIds,
        string? CorrelationId, string[]? Statuses, string[]? SubStatuses, string? OrderDirection, string? Status = null, string? SubStatus = null,
        int? Version = null, bool? HasIncidents = null, string? OrderBy = null, TimestampFilter[]? TimestampFilters = null);

    /// <summary>Studio's date filter: column Created|UpdatedAt|FinishedAt, operator Is|IsNot|GreaterThan|… (ELSA-API.md §3.3).</summary>
    public sealed record TimestampFilter(string? Column, string? Operator, DateTimeOffset? Timestamp);

    public sealed record BulkRequest(string[]? Ids);

    public sealed record JournalFilter(string[]? ActivityIds, string[]? ActivityNodeIds, string[]? ExcludedActivityTypes, string[]? EventNames);

    public sealed record JournalRequest(JournalFilter? Filter);

    public static void MapWorkflowInstances(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workflow-instances").WithTags("Workflow instances");
        group.MapPost("/", List).WithSummary("Lists instances (paged, filtered).");
        group.MapGet("/{id}", Get).WithSummary("One instance with its state.");
        group.MapGet("/{id}/execution-state", ExecutionState).WithSummary("Status and last update, for polling.");
        group.MapGet("/{id}/journal", (string id, int? skip, int? take, ClaimsPrincipal user, WorkflowsDbContext db, CancellationToken ct) =>
                Journal(id, skip, take, null, user, db, ct))
            .WithSummary("The execution journal, oldest first.");
        group.MapPost("/{id}/journal", (string id, int? skip, int? take, [FromBody] JournalRequest? request, ClaimsPrincipal user, WorkflowsDbContext db,
            CancellationToken ct) => Journal(id, skip, take, request?.Filter, user, db, ct)).WithSummary("The execution journal, filtered as Studio asks.");
        group.MapGet("/{id}/variables", Variables).WithSummary("The variables of the instance.");
        group.MapGet("/{id}/incidents", Incidents).WithSummary("The incidents of the instance: which activity faulted, when and why.");
        group.MapGet("/{id}/export", Export).WithSummary("The instance with its state as a JSON file.");
        group.MapPost("/{id}/retry", Retry).RequireAuthorization(Policies.DesignWorkflows)
            .WithSummary("Runs the faulted activities of an instance again (after the cause of the incident is fixed).");
        group.MapDelete("/{id}", Delete).RequireAuthorization(Policies.DesignWorkflows).WithSummary("Deletes an instance and its records.");
        api.MapPost("/bulk-actions/delete/workflow-instances/by-id", BulkDelete).WithTags("Workflow instances").RequireAuthorization(Policies.DesignWorkflows)
            .WithSummary("Deletes instances and their records.");
        api.MapPost("/bulk-actions/cancel/workflow-instances", BulkCancel).WithTags("Workflow instances").RequireAuthorization(Policies.DesignWorkflows)
            .WithSummary("Cancels running instances.");
        api.MapPost("/cancel/workflow-instances/{id}", Cancel).WithTags("Workflow instances").RequireAuthorization(Policies.DesignWorkflows)
            .WithSummary("Cancels a running instance.");
    }

    private static async Task<Ok<JsonObject>> List(ListRequest? request, ClaimsPrincipal user, WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        var query = db.WorkflowInstances.AsNoTracking().VisibleTo(user);
        if (!string.IsNullOrEmpty(request?.DefinitionId))
        {
            query = query.Where(i => i.DefinitionId == request.DefinitionId);
        }

        if (request?.DefinitionIds is { Length: > 0 } definitionIds)
        {
            query = query.Where(i => definitionIds.Contains(i.DefinitionId));
        }

        if (!string.IsNullOrEmpty(request?.CorrelationId))
        {
            query = query.Where(i => i.CorrelationId == request.CorrelationId);
        }

        if (request?.Statuses is { Length: > 0 } statuses)
        {
            query = query.Where(i => statuses.Contains(i.Status));
        }

        if (request?.SubStatuses is { Length: > 0 } subStatuses)
        {
            query = query.Where(i => subStatuses.Contains(i.SubStatus));
        }

        if (!string.IsNullOrEmpty(request?.Status))
        {
            query = query.Where(i => i.Status == request.Status);
        }

        if (!string.IsNullOrEmpty(request?.SubStatus))
        {
            query = query.Where(i => i.SubStatus == request.SubStatus);
        }

        if (request?.Version is { } version)
        {
            query = query.Where(i => i.Version == version);
        }

        if (request?.HasIncidents is { } hasIncidents)
        {
            query = hasIncidents ? query.Where(i => i.IncidentCount > 0) : query.Where(i => i.IncidentCount == 0);
        }

        foreach (var filter in request?.TimestampFilters ?? [])
        {
            query = Filter(query, filter);
        }

        if (!string.IsNullOrWhiteSpace(request?.SearchTerm))
        {
            var term = request.SearchTerm.Trim();
            query = query.Where(i => i.Id == term || i.CorrelationId == term || (i.Name != null && i.Name.Contains(term)));
        }

        var total = await query.CountAsync(cancellationToken);
        var ascending = string.Equals(request?.OrderDirection, "Ascending", StringComparison.OrdinalIgnoreCase);
        query = (request?.OrderBy, ascending) switch
        {
            ("LastExecuted", true) => query.OrderBy(i => i.UpdatedAt),
            ("LastExecuted", false) => query.OrderByDescending(i => i.UpdatedAt),
            ("Finished", true) => query.OrderBy(i => i.FinishedAt),
            ("Finished", false) => query.OrderByDescending(i => i.FinishedAt),
            ("Name", true) => query.OrderBy(i => i.Name),
            ("Name", false) => query.OrderByDescending(i => i.Name),
            (_, true) => query.OrderBy(i => i.CreatedAt),
            (_, false) => query.OrderByDescending(i => i.CreatedAt),
        };
        var size = Math.Clamp(request?.PageSize ?? 50, 1, 500);
        var items = await query.Skip(Math.Max(request?.Page ?? 0, 0) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new JsonObject
        {
            ["items"] = new JsonArray(items.Select(i => (JsonNode?)InstanceModels.Summary(i)).ToArray()),
            ["totalCount"] = total,
        });
    }

    private static IQueryable<WorkflowInstanceRecord> Filter(IQueryable<WorkflowInstanceRecord> query, TimestampFilter filter)
    {
        if (filter.Timestamp is not { } at)
        {
            return query;
        }

        Expression<Func<WorkflowInstanceRecord, DateTimeOffset?>> column = filter.Column switch
        {
            "UpdatedAt" or "LastExecuted" => i => i.UpdatedAt,
            "FinishedAt" or "Finished" => i => i.FinishedAt,
            _ => i => i.CreatedAt,
        };
        var parameter = column.Parameters[0];
        var value = Expression.Constant(at, typeof(DateTimeOffset?));
        Expression body = filter.Operator switch
        {
            "IsNot" => Expression.NotEqual(column.Body, value),
            "GreaterThan" => Expression.GreaterThan(column.Body, value),
            "GreaterThanOrEqual" => Expression.GreaterThanOrEqual(column.Body, value),
            "LessThan" => Expression.LessThan(column.Body, value),
            "LessThanOrEqual" => Expression.LessThanOrEqual(column.Body, value),
            _ => Expression.Equal(column.Body, value),
        };
        return query.Where(Expression.Lambda<Func<WorkflowInstanceRecord, bool>>(body, parameter));
    }

    /// <summary>The instance when it exists and <paramref name="user"/> may read it; else the 404 or 403 to answer.</summary>
    internal static async Task<(WorkflowInstanceRecord? Record, ProblemHttpResult? Refusal)> FindReadableAsync(string id, ClaimsPrincipal user,
        WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        var record = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (record is null)
        {
            return (null, ElsaProblems.NotFound($"There is no workflow instance '{id}'."));
        }

        return InstanceScope.Check(user, record) is { } refused ? (null, refused) : (record, null);
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Get(string id, ClaimsPrincipal user, WorkflowsDbContext db,
        CancellationToken cancellationToken)
    {
        var (record, refusal) = await FindReadableAsync(id, user, db, cancellationToken);
        return record is null ? refusal! : TypedResults.Ok(InstanceModels.Instance(WorkflowStateSerializer.Deserialize(record.State)));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ExecutionState(string id, ClaimsPrincipal user, WorkflowsDbContext db,
        CancellationToken cancellationToken)
    {
        var (record, refusal) = await FindReadableAsync(id, user, db, cancellationToken);
        return record is null
            ? refusal!
            : TypedResults.Ok(new JsonObject { ["status"] = record.Status, ["workflowSubStatus"] = record.SubStatus, ["updatedAt"] = record.UpdatedAt.ToString("O") });
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Journal(string id, int? skip, int? take, JournalFilter? filter,
        ClaimsPrincipal user, WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        if ((await FindReadableAsync(id, user, db, cancellationToken)).Refusal is { } refusal)
        {
            return refusal;
        }

        var query = db.Journal.AsNoTracking().Where(j => j.WorkflowInstanceId == id);
        if (filter?.ActivityIds is { Length: > 0 } activityIds)
        {
            query = query.Where(j => activityIds.Contains(j.ActivityId));
        }

        if (filter?.ActivityNodeIds is { Length: > 0 } nodeIds)
        {
            query = query.Where(j => nodeIds.Contains(j.NodeId));
        }

        if (filter?.ExcludedActivityTypes is { Length: > 0 } excluded)
        {
            query = query.Where(j => !excluded.Contains(j.ActivityType));
        }

        if (filter?.EventNames is { Length: > 0 } eventNames)
        {
            query = query.Where(j => eventNames.Contains(j.EventName));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(j => j.Sequence).Skip(Math.Max(skip ?? 0, 0)).Take(Math.Clamp(take ?? 100, 1, 1000)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new JsonObject
        {
            ["items"] = new JsonArray(items.Select(j => (JsonNode?)InstanceModels.Journal(j)).ToArray()),
            ["totalCount"] = total,
        });
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Variables(string id, ClaimsPrincipal user, WorkflowsDbContext db,
        CancellationToken cancellationToken)
    {
        var (record, refusal) = await FindReadableAsync(id, user, db, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var version = record is null ? null : await db.WorkflowDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == record.DefinitionVersionId, cancellationToken);
        if (record is null || version is null)
        {
            return ElsaProblems.NotFound($"There is no workflow instance '{id}'.");
        }

        var definition = WorkflowDefinitionService.Load(version);
        var state = WorkflowStateSerializer.Deserialize(record.State);
        var items = new JsonArray();
        foreach (var execution in state.Executions)
        {
            foreach (var variable in definition.FindByNodeId(execution.NodeId)?.Variables ?? [])
            {
                items.Add(new JsonObject
                {
                    ["id"] = variable.Id,
                    ["name"] = variable.Name,
                    ["value"] = execution.Variables.TryGetValue(variable.Id, out var value) ? value?.DeepClone() : variable.Value,
                });
            }
        }

        return TypedResults.Ok(new JsonObject { ["items"] = items, ["count"] = items.Count });
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Incidents(string id, ClaimsPrincipal user, WorkflowsDbContext db,
        CancellationToken cancellationToken)
    {
        var (record, refusal) = await FindReadableAsync(id, user, db, cancellationToken);
        if (record is null)
        {
            return refusal!;
        }

        var incidents = StackTraces.Strip(JsonSerializer.SerializeToNode(WorkflowStateSerializer.Deserialize(record.State).Incidents, WorkflowStateSerializer.Options))!.AsArray();
        return TypedResults.Ok(new JsonObject { ["items"] = incidents, ["count"] = incidents.Count });
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(string id, ClaimsPrincipal user, WorkflowsDbContext db,
        CancellationToken cancellationToken)
    {
        var (record, refusal) = await FindReadableAsync(id, user, db, cancellationToken);
        if (record is null)
        {
            return refusal!;
        }

        var json = InstanceModels.Instance(WorkflowStateSerializer.Deserialize(record.State)).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", $"workflow-instance-{id}.json");
    }

    private static async Task<Ok<JsonObject>> BulkDelete(BulkRequest request, WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var id in request.Ids ?? [])
        {
            deleted += await DeleteRecordsAsync(id, db, cancellationToken);
        }

        return TypedResults.Ok(new JsonObject { ["deleted"] = deleted });
    }

    private static async Task<Ok<JsonObject>> BulkCancel(BulkRequest request, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var cancelled = 0;
        foreach (var id in request.Ids ?? [])
        {
            try
            {
                cancelled += await runtime.CancelAsync(id, cancellationToken) is null ? 0 : 1;
            }
            catch (WorkflowRunException)
            {
                // Already finished: nothing to cancel; the count says how many were.
            }
        }

        return TypedResults.Ok(new JsonObject { ["cancelled"] = cancelled });
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Cancel(string id, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        try
        {
            return await runtime.CancelAsync(id, cancellationToken) is { } result
                ? TypedResults.Ok(InstanceModels.Summary(result.State))
                : ElsaProblems.NotFound($"There is no workflow instance '{id}'.");
        }
        catch (WorkflowRunException ex)
        {
            return ElsaProblems.Conflict(ex.Message);
        }
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Retry(string id, string? incidentId, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        try
        {
            return await runtime.RetryAsync(id, incidentId, cancellationToken) is { } result
                ? TypedResults.Ok(InstanceModels.Instance(result.State))
                : ElsaProblems.NotFound($"There is no workflow instance '{id}'.");
        }
        catch (WorkflowRunException ex)
        {
            return ElsaProblems.Conflict(ex.Message);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, WorkflowsDbContext db, CancellationToken cancellationToken) =>
        await DeleteRecordsAsync(id, db, cancellationToken) > 0 ? TypedResults.NoContent() : ElsaProblems.NotFound($"There is no workflow instance '{id}'.");

    private static async Task<int> DeleteRecordsAsync(string id, WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await db.WorkflowInstances.Where(i => i.Id == id).ExecuteDeleteAsync(cancellationToken);
        await db.Bookmarks.Where(b => b.WorkflowInstanceId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Journal.Where(j => j.WorkflowInstanceId == id).ExecuteDeleteAsync(cancellationToken);
        await db.ActivityExecutions.Where(a => a.WorkflowInstanceId == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
