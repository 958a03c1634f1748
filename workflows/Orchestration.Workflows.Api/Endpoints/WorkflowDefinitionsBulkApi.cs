using System.IO.Compression;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Orchestration.ServiceDefaults.Security;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Persistence.Definitions;
using Orchestration.Workflows.Persistence.Runtime;
using Orchestration.Workflows.Serialization;

namespace Orchestration.Workflows.Api.Endpoints;

/// <summary>
/// The definition routes Studio's list, version tab and bulk menu call besides the basic ones (ELSA-API.md §3.2):
/// many by id, count, versions, revert, file import, and bulk delete, publish, retract and export.
/// </summary>
internal static class WorkflowDefinitionsBulkApi
{
    public sealed record DefinitionIdsRequest(string[]? DefinitionIds);

    public sealed record IdsRequest(string[]? Ids, bool IncludeConsumingWorkflows = false);

    public static void MapWorkflowDefinitionsBulk(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workflow-definitions").WithTags("Workflow definitions");
        group.MapGet("/many-by-id", ManyById).WithSummary("Definition versions by their version ids.");
        group.MapGet("/query/count", Count).WithSummary("How many definitions there are.");
        group.MapGet("/{definitionId}/consumers", (string definitionId) =>
                TypedResults.Ok(new JsonObject { ["consumingWorkflowDefinitionIds"] = new JsonArray() }))
            .WithSummary("Definitions that use this one as an activity (none are tracked: references name a version).");
        group.MapPost("/{definitionId}/update-references", (string definitionId) =>
                TypedResults.Ok(new JsonObject { ["affectedWorkflows"] = new JsonArray() }))
            .RequireAuthorization(Policies.DesignWorkflows)
            .WithSummary("Elsa points consuming workflows at the new version; ours keep the version they name, so nothing changes.");
        group.MapPost("/{definitionId}/revert/{version:int}", Revert).RequireAuthorization(Policies.DesignWorkflows)
            .WithSummary("Makes an earlier version's content the latest draft.");
        group.MapPost("/import-files", ImportFiles).RequireAuthorization(Policies.DesignWorkflows).DisableAntiforgery()
            .WithSummary("Imports Elsa 3 definition files (JSON, or a zip of them) as drafts.");
        api.MapDelete("/workflow-definition-versions/{id}", DeleteVersion).WithTags("Workflow definitions").RequireAuthorization(Policies.DesignWorkflows)
            .WithSummary("Deletes one version.");

        var bulk = api.MapGroup("/bulk-actions").WithTags("Workflow definitions").RequireAuthorization(Policies.DesignWorkflows);
        bulk.MapPost("/delete/workflow-definitions/by-definition-id", DeleteByDefinitionIds).WithSummary("Deletes every version of each definition.");
        bulk.MapPost("/delete/workflow-definitions/by-id", DeleteByIds).WithSummary("Deletes the given versions.");
        bulk.MapPost("/publish/workflow-definitions/by-definition-ids", PublishMany).WithSummary("Validates and publishes the latest version of each.");
        bulk.MapPost("/retract/workflow-definitions/by-definition-ids", RetractMany).WithSummary("Unpublishes each.");
        bulk.MapPost("/export/workflow-definitions", ExportMany).WithSummary("The given versions as a zip of Elsa 3 JSON files.");
    }

    private static async Task<Ok<JsonObject>> ManyById([FromQuery] string[]? ids, ClaimsPrincipal user, WorkflowDefinitionService definitions,
        CancellationToken cancellationToken)
    {
        var wanted = ids ?? [];
        var records = await definitions.Records.Where(d => wanted.Contains(d.Id)).ToListAsync(cancellationToken);
        var items = new JsonArray(records.Select(r => (JsonNode?)WorkflowDefinitionsApi.Full(r, user)).ToArray());
        return TypedResults.Ok(new JsonObject { ["items"] = items, ["count"] = items.Count });
    }

    private static async Task<Ok<JsonObject>> Count(WorkflowDefinitionService definitions, CancellationToken cancellationToken) =>
        TypedResults.Ok(new JsonObject { ["count"] = await definitions.Records.CountAsync(d => d.IsLatest, cancellationToken) });

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Revert(string definitionId, int version, ClaimsPrincipal user,
        WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var result = await definitions.RevertAsync(definitionId, version, cancellationToken);
        if (result is null)
        {
            return ElsaProblems.NotFound($"Workflow definition '{definitionId}' has no version {version}.");
        }

        return result.Succeeded
            ? TypedResults.Ok(WorkflowDefinitionsApi.Full(result.Record!, user))
            : ElsaProblems.BadRequest(string.Join(" ", result.Errors.Select(e => e.ToString())));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ImportFiles(HttpRequest request, WorkflowDefinitionService definitions,
        CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return ElsaProblems.BadRequest("Send the files as multipart/form-data in the field 'files'.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var texts = new List<(string Name, string Json)>();
        foreach (var file in form.Files)
        {
            await using var stream = file.OpenReadStream();
            if (file.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                await using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
                foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
                {
                    using var reader = new StreamReader(await entry.OpenAsync(cancellationToken), Encoding.UTF8);
                    texts.Add((entry.FullName, await reader.ReadToEndAsync(cancellationToken)));
                }
            }
            else
            {
                using var reader = new StreamReader(stream, Encoding.UTF8);
                texts.Add((file.FileName, await reader.ReadToEndAsync(cancellationToken)));
            }
        }

        var count = 0;
        foreach (var (name, json) in texts)
        {
            try
            {
                var result = await definitions.SaveAsync(WorkflowDefinitionReader.Read(json).Document, publish: false, cancellationToken);
                count += result.Succeeded ? 1 : 0;
            }
            catch (WorkflowFormatException ex)
            {
                return ElsaProblems.BadRequest($"'{name}' is not an Elsa 3 workflow definition: {ex.Message}");
            }
        }

        return TypedResults.Ok(new JsonObject { ["count"] = count });
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteVersion(string id, WorkflowDefinitionService definitions,
        WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (await RefuseWhileRunningAsync(runtime, [id], byVersion: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await definitions.DeleteVersionAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : ElsaProblems.NotFound($"There is no workflow definition version '{id}'.");
    }

    /// <summary>As the single delete: refused (409, nothing deleted) while any of them has running instances.</summary>
    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> DeleteByDefinitionIds(DefinitionIdsRequest request,
        WorkflowDefinitionService definitions, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var ids = request.DefinitionIds ?? [];
        if (await RefuseWhileRunningAsync(runtime, ids, byVersion: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        var deleted = 0;
        foreach (var definitionId in ids)
        {
            deleted += await definitions.DeleteAsync(definitionId, cancellationToken) > 0 ? 1 : 0;
        }

        return TypedResults.Ok(new JsonObject { ["deleted"] = deleted });
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> DeleteByIds(IdsRequest request, WorkflowDefinitionService definitions,
        WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var ids = request.Ids ?? [];
        if (await RefuseWhileRunningAsync(runtime, ids, byVersion: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        var deleted = 0;
        foreach (var id in ids)
        {
            deleted += await definitions.DeleteVersionAsync(id, cancellationToken) ? 1 : 0;
        }

        return TypedResults.Ok(new JsonObject { ["deleted"] = deleted });
    }

    /// <summary>Running instances would lose their definition (nothing could resume them): 409 naming each id and its count.</summary>
    private static async Task<ProblemHttpResult?> RefuseWhileRunningAsync(WorkflowRuntime runtime, IReadOnlyCollection<string> ids, bool byVersion,
        CancellationToken cancellationToken)
    {
        var running = await runtime.RunningInstanceCountsAsync(ids, byVersion, cancellationToken);
        return running.Count == 0
            ? null
            : ElsaProblems.Conflict("Instances are still running: " + string.Join(", ", running.OrderBy(r => r.Key).Select(r => $"'{r.Key}' ({r.Value})"))
                + ". Cancel them first, or delete each definition with cancelRunningInstances=true; nothing was deleted.");
    }

    private static async Task<Ok<JsonObject>> PublishMany(DefinitionIdsRequest request, WorkflowDefinitionService definitions,
        CancellationToken cancellationToken)
    {
        JsonArray published = [], alreadyPublished = [], notFound = [], failed = [];
        foreach (var definitionId in request.DefinitionIds ?? [])
        {
            var result = await definitions.PublishAsync(definitionId, cancellationToken);
            var list = result switch
            {
                null => notFound,
                { Succeeded: false } => failed,
                { AlreadyPublished: true } => alreadyPublished,
                _ => published,
            };
            list.Add(definitionId);
        }

        return TypedResults.Ok(new JsonObject
        {
            ["published"] = published,
            ["alreadyPublished"] = alreadyPublished,
            ["notFound"] = notFound,
            // Not in Elsa's answer: definitions whose validation failed, so that nothing is silently skipped.
            ["failed"] = failed,
            ["updatedConsumers"] = new JsonArray(),
        });
    }

    private static async Task<Ok<JsonObject>> RetractMany(DefinitionIdsRequest request, WorkflowDefinitionService definitions,
        CancellationToken cancellationToken)
    {
        JsonArray retracted = [], alreadyRetracted = [], notFound = [];
        foreach (var definitionId in request.DefinitionIds ?? [])
        {
            var wasPublished = await definitions.FindAsync(definitionId, VersionOptions.Published, cancellationToken) is not null;
            var latest = await definitions.RetractAsync(definitionId, cancellationToken);
            (latest is null ? notFound : wasPublished ? retracted : alreadyRetracted).Add(definitionId);
        }

        return TypedResults.Ok(new JsonObject { ["retracted"] = retracted, ["alreadyRetracted"] = alreadyRetracted, ["notFound"] = notFound });
    }

    private static async Task<FileContentHttpResult> ExportMany(IdsRequest request, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var ids = request.Ids ?? [];
        var records = await definitions.Records.Where(d => ids.Contains(d.Id) || ids.Contains(d.DefinitionId)).ToListAsync(cancellationToken);
        using var buffer = new MemoryStream();
        await using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var record in records)
            {
                var entry = zip.CreateEntry($"{record.DefinitionId}-v{record.Version}.json");
                await using var writer = new StreamWriter(await entry.OpenAsync(cancellationToken), new UTF8Encoding(false));
                await writer.WriteAsync(JsonNode.Parse(record.Data)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
        }

        return TypedResults.File(buffer.ToArray(), "application/zip", "workflow-definitions.zip");
    }
}
