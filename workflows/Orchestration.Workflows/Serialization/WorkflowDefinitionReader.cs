using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestration.Workflows.Model;

namespace Orchestration.Workflows.Serialization;

/// <summary>Reads Elsa 3 workflow definition JSON in any of the shapes of ELSA-API.md §4.6 into the current form.</summary>
public static class WorkflowDefinitionReader
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static WorkflowDefinition Read(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json.TrimStart('\uFEFF'), NodeOptions, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new WorkflowFormatException($"Not valid JSON: {ex.Message}", ex);
        }

        return node is JsonObject document
            ? Load(document)
            : throw new WorkflowFormatException("A workflow definition is a JSON object.");
    }

    /// <summary>Normalises <paramref name="document"/> in place and builds the typed view over it.</summary>
    public static WorkflowDefinition Load(JsonObject document)
    {
        // A hand-written file may be just an activity tree; Elsa's own files always carry "root".
        if (document["root"] is null && DefinitionNormalizer.IsActivity(document))
        {
            throw new WorkflowFormatException("The definition has no 'root' activity object (this looks like a single activity).");
        }

        DefinitionNormalizer.Normalize(document);
        var root = BuildNode((JsonObject)document["root"]!);
        return new WorkflowDefinition(document, root,
            ReadVariables(document["variables"]),
            ReadArguments(document["inputs"]),
            ReadArguments(document["outputs"]),
            document["outcomes"] is JsonArray outcomes ? outcomes.Select(o => o?.ToString() ?? "").Where(o => o.Length > 0).ToList() : []);
    }

    private static ActivityNode BuildNode(JsonObject json)
    {
        var activities = new List<ActivityNode>();
        var branches = new List<ActivityNode>();
        var embedded = new Dictionary<string, ActivityNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in json)
        {
            if (key is "customProperties" or "metadata" or "variables" or "connections")
            {
                continue;
            }

            if (value is JsonArray array && array.Any(DefinitionNormalizer.IsActivity))
            {
                var list = array.Where(DefinitionNormalizer.IsActivity).Select(a => BuildNode((JsonObject)a!)).ToList();
                (key == "activities" ? activities : branches).AddRange(list);
            }
            else if (!DefinitionNormalizer.ActivityKeys.Contains(key) && DefinitionNormalizer.IsActivity(value))
            {
                embedded[key] = BuildNode((JsonObject)value!);
            }
        }

        var connections = json["connections"] is JsonArray items
            ? items.OfType<JsonObject>().Select(c => new Connection(
                c["source"]?["activity"]?.GetValue<string>() ?? "",
                c["source"]?["port"]?.GetValue<string>() ?? "Done",
                c["target"]?["activity"]?.GetValue<string>() ?? "",
                c["target"]?["port"]?.GetValue<string>() ?? "In")).ToList()
            : [];

        return new ActivityNode(json,
            json["id"]!.GetValue<string>(),
            json["nodeId"]!.GetValue<string>(),
            json["type"]!.GetValue<string>(),
            json["version"] is JsonValue v && v.TryGetValue<int>(out var version) ? version : 1,
            json["name"] is JsonValue n && n.TryGetValue<string>(out var name) ? name : null,
            activities, connections, ReadVariables(json["variables"]), embedded, branches);
    }

    internal static List<VariableDefinition> ReadVariables(JsonNode? node) =>
        node is not JsonArray array
            ? []
            : array.OfType<JsonObject>().Select(v => new VariableDefinition(
                Text(v, "id") ?? Text(v, "name") ?? "",
                Text(v, "name") ?? Text(v, "id") ?? "",
                Text(v, "typeName") ?? "Object",
                Bool(v, "isArray"),
                v["value"] is JsonValue value ? value.ToString() : v["value"]?.ToJsonString(),
                Text(v, "storageDriverTypeName") ?? Text(v, "storageDriverType"))).ToList();

    private static List<ArgumentDefinition> ReadArguments(JsonNode? node) =>
        node is not JsonArray array
            ? []
            : array.OfType<JsonObject>().Select(a => new ArgumentDefinition(
                Text(a, "name") ?? "",
                Text(a, "type") ?? Text(a, "typeName") ?? "Object",
                Bool(a, "isArray"),
                Text(a, "displayName"),
                Text(a, "description"))).ToList();

    private static string? Text(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static bool Bool(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
