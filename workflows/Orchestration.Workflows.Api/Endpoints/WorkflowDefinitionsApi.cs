using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Orchestration.ServiceDefaults.Security;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Persistence.Definitions;
using Orchestration.Workflows.Persistence.Entities;
using Orchestration.Workflows.Persistence.Runtime;
using Orchestration.Workflows.Serialization;

namespace Orchestration.Workflows.Api.Endpoints;

/// <summary>Elsa's workflow-definition routes (ELSA-API.md §3.2): anyone signed in reads, process owners change.</summary>
internal static class WorkflowDefinitionsApi
{
    /// <summary>Studio's create dialog sends <c>"publish": null</c>, which means a draft.</summary>
    public sealed record SaveRequest(JsonObject? Model, bool? Publish);

    /// <summary>
    /// <c>properties</c> become instance properties, e.g. <c>{"Flowchart:ExecutionMode": "TokenBased"}</c> runs this
    /// instance in token mode (ELSA-SEMANTICS.md §3.1); they are kept with the instance, so resumes keep them.
    /// </summary>
    public sealed record ExecuteRequest(string? CorrelationId, string? TriggerActivityId, string? VersionOptions, JsonObject? Input, JsonObject? Properties = null);

    public static void MapWorkflowDefinitions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workflow-definitions").WithTags("Workflow definitions");
        group.MapGet("/", List).WithSummary("Lists definition versions (paged, filtered by versionOptions).");
        group.MapGet("/by-definition-id/{definitionId}", GetByDefinitionId).WithSummary("One version of a definition (default: latest).");
        group.MapGet("/by-id/{id}", GetById).WithSummary("One definition version by its version id.");
        group.MapGet("/validation/is-name-unique", IsNameUnique).WithSummary("Whether no other definition has this name.");
        group.MapGet("/{definitionId}/export", Export).WithSummary("The definition as an Elsa 3 JSON file.");
        group.MapPost("/", Save).RequireAuthorization(Policies.DesignWorkflows).WithSummary("Saves a draft (or a new version); with publish=true validates and publishes.");
        group.MapPost("/import", Import).RequireAuthorization(Policies.DesignWorkflows).WithSummary("Imports an Elsa 3 definition file (any 3.x shape) as a draft.");
        group.MapPost("/{definitionId}/publish", Publish).RequireAuthorization(Policies.DesignWorkflows).WithSummary("Validates and publishes the latest version.");
        group.MapPost("/{definitionId}/retract", Retract).RequireAuthorization(Policies.DesignWorkflows).WithSummary("Unpublishes; running instances continue.");
        group.MapDelete("/{definitionId}", Delete).RequireAuthorization(Policies.DesignWorkflows).WithSummary("Deletes every version; 409 while instances run, unless cancelRunningInstances=true cancels them first.");
        group.MapPost("/{definitionId}/execute", Execute).RequireAuthorization(Policies.DesignWorkflows)
            .WithSummary("Starts an instance and runs it until it finishes or waits; returns the instance.");
        group.MapPost("/{definitionId}/dispatch", Execute).RequireAuthorization(Policies.DesignWorkflows)
            .WithSummary("Starts an instance; our engine runs it at once, as execute does, until it finishes or waits.");
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> List(HttpRequest request, ClaimsPrincipal user,
        WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var query = request.Query;
        if (!VersionOptions.TryParse(query["versionOptions"], out var versionOptions))
        {
            return ElsaProblems.BadRequest($"'{query["versionOptions"]}' is not a version option.");
        }

        var (items, total) = await definitions.ListAsync(new DefinitionQuery
        {
            VersionOptions = query.ContainsKey("versionOptions") ? versionOptions.Value : VersionOptions.Latest,
            SearchTerm = query["SearchTerm"],
            DefinitionIds = [.. query["DefinitionIds"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)],
            Ids = [.. query["Ids"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)],
            Page = int.TryParse(query["Page"], out var page) ? page : null,
            PageSize = int.TryParse(query["PageSize"], out var size) ? size : null,
            OrderBy = query["OrderBy"],
            Descending = string.Equals(query["OrderDirection"], "Descending", StringComparison.OrdinalIgnoreCase),
        }, cancellationToken);

        return TypedResults.Ok(new JsonObject
        {
            ["items"] = new JsonArray(items.Select(i => (JsonNode?)Summary(i, user)).ToArray()),
            ["totalCount"] = total,
            ["links"] = DefinitionLinks.ForList(user),
        });
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetByDefinitionId(string definitionId, string? versionOptions,
        ClaimsPrincipal user, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        if (!VersionOptions.TryParse(string.IsNullOrEmpty(versionOptions) ? "Latest" : versionOptions, out var options))
        {
            return ElsaProblems.BadRequest($"'{versionOptions}' is not a version option.");
        }

        var record = await definitions.FindAsync(definitionId, options.Value, cancellationToken);
        return record is null
            ? ElsaProblems.NotFound($"Workflow definition '{definitionId}' has no version matching {options}.")
            : TypedResults.Ok(Full(record, user));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetById(string id, ClaimsPrincipal user,
        WorkflowDefinitionService definitions, CancellationToken cancellationToken) =>
        await definitions.FindByIdAsync(id, cancellationToken) is { } record
            ? TypedResults.Ok(Full(record, user))
            : ElsaProblems.NotFound($"There is no workflow definition version '{id}'.");

    private static async Task<Ok<JsonObject>> IsNameUnique(string name, string? definitionId, WorkflowDefinitionService definitions,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(new JsonObject { ["isUnique"] = await definitions.IsNameUniqueAsync(name ?? "", definitionId, cancellationToken) });

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(string definitionId, string? versionOptions,
        WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        if (!VersionOptions.TryParse(string.IsNullOrEmpty(versionOptions) ? "Latest" : versionOptions, out var options))
        {
            return ElsaProblems.BadRequest($"'{versionOptions}' is not a version option.");
        }

        var record = await definitions.FindAsync(definitionId, options.Value, cancellationToken);
        if (record is null)
        {
            return ElsaProblems.NotFound($"Workflow definition '{definitionId}' has no version matching {options}.");
        }

        var json = JsonNode.Parse(record.Data)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        return TypedResults.File(Encoding.UTF8.GetBytes(json), "application/json", $"{Slug(record.Name)}.json");
    }

    private static async Task<Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> Save(SaveRequest request, ClaimsPrincipal user,
        WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        if (request.Model is null)
        {
            return ElsaProblems.BadRequest("The body needs a 'model' with the workflow definition.");
        }

        var publish = request.Publish == true;
        var result = await definitions.SaveAsync(request.Model, publish, cancellationToken);
        if (!result.Succeeded)
        {
            return ElsaProblems.Invalid(publish ? "The workflow cannot be published." : "The workflow cannot be saved.", result.Errors);
        }

        return TypedResults.Ok(SaveResponse(result, user));
    }

    private static async Task<Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> Import(HttpRequest request, ClaimsPrincipal user,
        WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        var text = await reader.ReadToEndAsync(cancellationToken);
        JsonObject model;
        try
        {
            // Read (not just parse) so that a file from any Elsa 3 version is normalised before it is stored.
            model = WorkflowDefinitionReader.Read(text).Document;
        }
        catch (WorkflowFormatException ex)
        {
            return ElsaProblems.BadRequest($"The file is not an Elsa 3 workflow definition: {ex.Message}");
        }

        var result = await definitions.SaveAsync(model, publish: false, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(Full(result.Record!, user))
            : ElsaProblems.Invalid("The workflow cannot be imported.", result.Errors);
    }

    private static async Task<Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> Publish(string definitionId, ClaimsPrincipal user,
        WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var result = await definitions.PublishAsync(definitionId, cancellationToken);
        if (result is null)
        {
            return ElsaProblems.NotFound($"There is no workflow definition '{definitionId}'.");
        }

        return result.Succeeded ? TypedResults.Ok(SaveResponse(result, user)) : ElsaProblems.Invalid("The workflow cannot be published.", result.Errors);
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Retract(string definitionId, ClaimsPrincipal user,
        WorkflowDefinitionService definitions, CancellationToken cancellationToken) =>
        await definitions.RetractAsync(definitionId, cancellationToken) is { } latest
            ? TypedResults.Ok(Full(latest, user))
            : ElsaProblems.NotFound($"There is no workflow definition '{definitionId}'.");

    /// <summary>
    /// Running instances would be left without their definition (their timers and events could never resume them), so
    /// deleting is refused while any runs, unless the caller asks to cancel them first.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string definitionId, bool? cancelRunningInstances,
        WorkflowDefinitionService definitions, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var running = await runtime.RunningInstancesOfAsync(definitionId, cancellationToken);
        if (running.Count > 0 && cancelRunningInstances != true)
        {
            return ElsaProblems.Conflict($"{running.Count} instance(s) of '{definitionId}' are still running; cancel them first, or delete with cancelRunningInstances=true.");
        }

        foreach (var instanceId in running)
        {
            await runtime.CancelAsync(instanceId, cancellationToken);
        }

        return await definitions.DeleteAsync(definitionId, cancellationToken) > 0
            ? TypedResults.NoContent()
            : ElsaProblems.NotFound($"There is no workflow definition '{definitionId}'.");
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Execute(string definitionId, [FromBody] ExecuteRequest? request,
        HttpResponse response, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var text = string.IsNullOrEmpty(request?.VersionOptions) ? "Published" : request.VersionOptions;
        if (!VersionOptions.TryParse(text, out var options))
        {
            return ElsaProblems.BadRequest($"'{text}' is not a version option.");
        }

        try
        {
            var result = await runtime.StartAsync(definitionId, options.Value, new StartWorkflowOptions
            {
                CorrelationId = request?.CorrelationId,
                TriggerActivityId = request?.TriggerActivityId,
                Input = request?.Input,
                Properties = request?.Properties,
            }, cancellationToken);
            response.Headers["x-elsa-workflow-instance-id"] = result.State.Id;
            response.Headers["x-elsa-workflow-cannot-start"] = "false";
            return TypedResults.Ok(InstanceModels.Instance(result.State));
        }
        catch (WorkflowNotFoundException ex)
        {
            response.Headers["x-elsa-workflow-cannot-start"] = "true";
            return ElsaProblems.NotFound(ex.Message);
        }
    }

    private static JsonObject SaveResponse(SaveDefinitionResult result, ClaimsPrincipal user) => new()
    {
        ["workflowDefinition"] = Full(result.Record!, user),
        ["alreadyPublished"] = result.AlreadyPublished,
        ["consumingWorkflowCount"] = 0,
    };

    internal static JsonObject Full(WorkflowDefinitionRecord record, ClaimsPrincipal user)
    {
        var document = JsonNode.Parse(record.Data)!.AsObject();
        DanglingConnections.SetAside(document["root"]);
        document["isLatest"] = record.IsLatest;
        document["isPublished"] = record.IsPublished;
        document["isReadonly"] = false;
        document["isSystem"] = false;
        // Studio treats a definition as editable only with a publish link, and only on the latest version (§2.1).
        document["links"] = record.IsLatest ? DefinitionLinks.ForDefinition(record.DefinitionId, user) : new JsonArray();
        return document;
    }

    private static JsonObject Summary(WorkflowDefinitionRecord record, ClaimsPrincipal user)
    {
        var document = JsonNode.Parse(record.Data)!.AsObject();
        return new JsonObject
        {
            ["id"] = record.Id,
            ["definitionId"] = record.DefinitionId,
            ["name"] = record.Name,
            ["description"] = document["description"]?.DeepClone(),
            ["version"] = record.Version,
            ["toolVersion"] = document["toolVersion"]?.DeepClone() ?? WorkflowDefinitionService.ToolVersion,
            ["isLatest"] = record.IsLatest,
            ["isPublished"] = record.IsPublished,
            ["isReadonly"] = false,
            ["createdAt"] = record.CreatedAt.ToString("O"),
            ["providerName"] = null,
            ["materializerName"] = "Json",
            ["isMaterializerAvailable"] = true,
            ["links"] = record.IsLatest ? DefinitionLinks.ForDefinition(record.DefinitionId, user) : new JsonArray(),
        };
    }

    private static string Slug(string name) =>
        new string(name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-') is { Length: > 0 } slug ? slug : "workflow";
}
