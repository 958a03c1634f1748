using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orchestration.Workflows.Activities;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Expressions;
using Orchestration.Workflows.Persistence.Definitions;
using Orchestration.Workflows.Values;

namespace Orchestration.Workflows.Api.Endpoints;

/// <summary>
/// The descriptor lists Studio loads with the editor and the instance viewer (ELSA-API.md §3.1, §5, §8): activities
/// from the runtime's registry, expression syntaxes the engine evaluates, variable types, storage drivers and the
/// lists of the workflow settings panel. Each list says only what our runtime honours.
/// </summary>
internal static class DescriptorsApi
{
    /// <summary>Elsa's driver type names, kept so that definitions move between Elsa and us unchanged.</summary>
    public const string WorkflowInstanceStorageDriver = "Elsa.Workflows.Services.WorkflowInstanceStorageDriver, Elsa.Workflows.Core";
    public const string MemoryStorageDriver = "Elsa.Workflows.Services.MemoryStorageDriver, Elsa.Workflows.Core";

    public static void MapDescriptors(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/descriptors").WithTags("Descriptors");
        group.MapGet("/activities", Activities).WithSummary("Every activity type the engine runs, including published workflows usable as activities.");
        group.MapPost("/activities/{activityTypeName}/options/{propertyName}", ActivityInputOptions)
            .WithSummary("Options of an input whose list the server provides (none do yet: empty).");
        group.MapGet("/expression-descriptors", Expressions).WithSummary("The expression syntaxes inputs can use.");
        group.MapGet("/variables", VariableTypes).WithSummary("The types a variable can have.");
        group.MapGet("/storage-drivers", StorageDrivers).WithSummary("Where a variable's value is kept.");
        group.MapGet("/workflow-activation-strategies", ActivationStrategies).WithSummary("When a new instance may start.");
        group.MapGet("/incident-strategies", IncidentStrategies).WithSummary("What happens when an activity faults.");
        group.MapGet("/log-persistence-strategies", LogPersistenceStrategies).WithSummary("Whether activity inputs and outputs are recorded.");
        group.MapGet("/commit-strategies/workflows", CommitStrategies).WithSummary("When a workflow's state is committed.");
        group.MapGet("/commit-strategies/activities", CommitStrategies).WithSummary("When an activity's state is committed.");
        group.MapGet("/output-converters", () => TypedResults.Ok(ItemList([]))).WithSummary("Output converters (none).");
        api.MapPost("/scripting/javascript/type-definitions/{definitionId}", JavaScriptTypeDefinitions).WithTags("Descriptors")
            .WithSummary("TypeScript declarations of the JavaScript globals, for the expression editor's completion.");
        api.MapGet("/resilience/strategies", () => TypedResults.Ok(ItemList([]))).WithTags("Descriptors")
            .WithSummary("Resilience strategies (none; the feature is not offered).");
    }

    private static async Task<Ok<JsonObject>> Activities(bool? refresh, ActivityRegistry registry, WorkflowDefinitionService definitions,
        CancellationToken cancellationToken)
    {
        if (refresh == true)
        {
            // Another node may have published a workflow usable as an activity since this node started.
            await definitions.RegisterWorkflowActivitiesAsync(cancellationToken);
        }

        return TypedResults.Ok(ItemList(registry.All.Select(ActivityDescriptorModels.Descriptor)));
    }

    private static Ok<JsonObject> ActivityInputOptions(string activityTypeName, string propertyName) =>
        TypedResults.Ok(new JsonObject { ["items"] = new JsonObject() });

    private static Ok<JsonObject> Expressions(ExpressionEvaluators evaluators)
    {
        // Literal first: Studio treats the first entry as the default syntax (ELSA-API.md §5.2).
        (string Type, string DisplayName, bool Browsable, string? Language)[] known =
        [
            ("Literal", "Literal", false, null),
            ("Object", "Object", false, "json"),
            ("JavaScript", "JavaScript", true, "javascript"),
            ("Liquid", "Liquid", true, "liquid"),
            ("Variable", "Variable", false, null),
        ];
        var items = known.Where(k => evaluators.Supports(k.Type)).Select(k =>
        {
            var properties = new JsonObject();
            if (k.Language is not null)
            {
                properties["MonacoLanguage"] = k.Language;
            }

            return new JsonObject
            {
                ["type"] = k.Type,
                ["displayName"] = k.DisplayName,
                ["isSerializable"] = true,
                ["isBrowsable"] = k.Browsable,
                ["properties"] = properties,
            };
        });
        return TypedResults.Ok(ItemList(items));
    }

    private static Ok<JsonObject> VariableTypes() =>
        TypedResults.Ok(ItemList(TypeAliases.VariableTypes.Select(t => new JsonObject
        {
            ["typeName"] = t,
            ["displayName"] = t,
            ["category"] = t switch
            {
                "String" or "Boolean" or "Int32" or "Int64" or "Double" or "Decimal" or "Guid" => "Primitives",
                "DateTime" or "DateTimeOffset" or "TimeSpan" => "Date and time",
                "ObjectDictionary" or "StringDictionary" => "Dictionaries",
                _ => "Dynamic",
            },
            ["description"] = null,
        })));

    private static Ok<JsonObject> StorageDrivers() =>
        TypedResults.Ok(ItemList(
        [
            new JsonObject { ["typeName"] = WorkflowInstanceStorageDriver, ["displayName"] = "Workflow instance", ["priority"] = 0, ["deprecated"] = false },
            new JsonObject { ["typeName"] = MemoryStorageDriver, ["displayName"] = "Memory", ["priority"] = -1, ["deprecated"] = false },
        ]));

    private static Ok<JsonObject> ActivationStrategies() =>
        TypedResults.Ok(ItemList(
        [
            Strategy("Elsa.Workflows.Runtime.ActivationStrategies.AllowAlwaysStrategy, Elsa.Workflows.Runtime", "Always", "A new instance may start whenever the workflow is triggered."),
        ]));

    private static Ok<JsonObject> IncidentStrategies() =>
        TypedResults.Ok(ItemList(
        [
            Strategy("Elsa.Workflows.IncidentStrategies.FaultStrategy, Elsa.Workflows.Core", "Fault",
                "An activity fault records an incident and the instance becomes Faulted until it is retried or cancelled."),
            Strategy("Elsa.Workflows.IncidentStrategies.ContinueWithIncidentsStrategy, Elsa.Workflows.Core", "Continue with incidents",
                "An activity fault records an incident; other branches go on and the instance stays Suspended until it is retried or cancelled."),
        ]));

    private static Ok<JsonObject> LogPersistenceStrategies() =>
        TypedResults.Ok(ItemList(
        [
            Strategy("Elsa.Workflows.LogPersistence.Strategies.Inherit, Elsa.Workflows.Core", "Inherit", "Record as the container does (here: always)."),
            Strategy("Elsa.Workflows.LogPersistence.Strategies.Include, Elsa.Workflows.Core", "Include", "Record the activity's inputs and outputs."),
        ]));

    /// <summary>Our engine commits once per burst (when the instance finishes or waits); there is nothing to choose.</summary>
    private static Ok<JsonObject> CommitStrategies() => TypedResults.Ok(ItemList([]));

    private static async Task<ContentHttpResult> JavaScriptTypeDefinitions(string definitionId, WorkflowDefinitionService definitions,
        CancellationToken cancellationToken)
    {
        var text = new StringBuilder()
            .AppendLine("declare const workflowInstanceId: string;")
            .AppendLine("declare const correlationId: string | null;")
            .AppendLine("declare function getVariable(name: string): any;")
            .AppendLine("declare function setVariable(name: string, value: any): void;")
            .AppendLine("declare function getInput(name: string): any;")
            .AppendLine("declare function getOutputFrom(activityName: string, outputName?: string): any;")
            .AppendLine("declare function getLastResult(): any;")
            .AppendLine("declare function getCorrelationId(): string | null;")
            .AppendLine("declare function setCorrelationId(value: string | null): void;")
            .AppendLine("declare function isNullOrWhiteSpace(value: string | null): boolean;")
            .AppendLine("declare function toJson(value: any): string;")
            .AppendLine("declare function newGuid(): string;");
        if (await definitions.FindAsync(definitionId, VersionOptions.Latest, cancellationToken) is { } record)
        {
            // Elsa's globals also expose each variable as a property of "variables".
            var names = WorkflowDefinitionService.Load(record).Variables.Select(v => $"{v.Name}: any;");
            text.AppendLine($"declare const variables: {{ {string.Join(' ', names)} }};");
        }

        return TypedResults.Text(text.ToString(), "application/x-typescript");
    }

    private static JsonObject Strategy(string typeName, string displayName, string description) => new()
    {
        ["typeName"] = typeName,
        ["displayName"] = displayName,
        ["description"] = description,
    };

    private static JsonObject ItemList(IEnumerable<JsonObject> items)
    {
        var array = new JsonArray(items.Select(i => (JsonNode?)i).ToArray());
        return new JsonObject { ["items"] = array, ["count"] = array.Count };
    }
}
